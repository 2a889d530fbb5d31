import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';

/** Compiler options when the project has no tsconfig: every JS/TS flavour, no emit, no type roots to crawl. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  checkJs: false,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  esModuleInterop: true,
};

export function defaultCompilerOptions(): ts.CompilerOptions {
  return { ...DEFAULT_OPTIONS };
}

/** The options of the nearest tsconfig.json (paths, baseUrl, jsx, ...), made safe for analysis. */
export function readCompilerOptions(tsconfig: string | undefined): { options: ts.CompilerOptions; error?: string } {
  if (!tsconfig || !existsSync(tsconfig)) return { options: defaultCompilerOptions() };
  const read = ts.readConfigFile(tsconfig, (file) => readFileSync(file, 'utf8'));
  if (read.error) return { options: defaultCompilerOptions(), error: ts.flattenDiagnosticMessageText(read.error.messageText, '\n') };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfig), undefined, tsconfig);
  const options: ts.CompilerOptions = { ...parsed.options, allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true };
  // Loading every @types package costs more than the lint itself; analysis does not need globals.
  if (options.types === undefined) options.types = [];
  delete options.incremental;
  delete options.composite;
  delete options.tsBuildInfoFile;
  return { options };
}

/** Finds the tsconfig.json that governs a folder: the folder's own, or the nearest above it. */
export function findTsconfig(from: string, stopAt: string): string | undefined {
  let current = path.resolve(from);
  const root = path.parse(current).root;
  for (;;) {
    const candidate = path.join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (current === stopAt || current === root) return undefined;
    current = path.dirname(current);
  }
}

/**
 * A program over the files that hold analytics calls (their imports come along). It reuses the
 * source files the scanner already parsed, and sees the texts the scanner saw (files given in
 * memory included), so nothing is parsed twice and both agree on every file.
 */
export function createLintProgram(
  rootNames: string[],
  parsed: ReadonlyMap<string, ts.SourceFile>,
  texts: ReadonlyMap<string, string>,
  options: ts.CompilerOptions,
): ts.Program {
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  const folders = new Set<string>();
  for (const file of texts.keys()) {
    for (let dir = path.dirname(file); !folders.has(dir) && dir !== path.dirname(dir); dir = path.dirname(dir)) folders.add(dir);
  }
  host.fileExists = (file) => texts.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => texts.get(path.resolve(file)) ?? readFile.call(host, file);
  host.directoryExists = (dir) => folders.has(path.resolve(dir)) || (directoryExists?.call(host, dir) ?? true);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const known = parsed.get(path.resolve(fileName));
    if (!known) return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
    // The scanner parsed it before the program knew whether it is an ES module or CommonJS.
    if (typeof languageVersion === 'object') known.impliedNodeFormat = languageVersion.impliedNodeFormat;
    return known;
  };
  return ts.createProgram({ rootNames, options, host });
}
