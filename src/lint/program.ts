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

/**
 * A project's compiler options (paths, baseUrl, module resolution, ...) made safe for analysis:
 * JavaScript included, nothing emitted or written, no @types crawled unless the project names
 * them, and `jsx` set when the project leaves it unset (else TypeScript refuses imports of
 * `.tsx` files, TS6142, and every enum or const in one stays unresolved).
 */
export function analysisOptions(parsed: ts.CompilerOptions): ts.CompilerOptions {
  const options: ts.CompilerOptions = { ...parsed, allowJs: true, checkJs: false, noEmit: true, skipLibCheck: true };
  // Loading every @types package costs more than the lint itself; analysis does not need globals.
  if (options.types === undefined) options.types = [];
  if (options.jsx === undefined) options.jsx = ts.JsxEmit.Preserve;
  delete options.incremental;
  delete options.composite;
  delete options.tsBuildInfoFile;
  return options;
}

/**
 * A program over the files that hold analytics calls (their imports come along). It reuses the
 * source files the scanner already parsed, and sees the texts the scanner saw (files given in
 * memory included), so nothing is parsed twice and both agree on every file. Declaration files of
 * the TypeScript libs and of node_modules go through `libraries`, shared by the programs of one
 * run: each package's program would otherwise parse lib.es2022 and the SDK typings again.
 */
export function createLintProgram(
  rootNames: string[],
  parsed: ReadonlyMap<string, ts.SourceFile>,
  texts: ReadonlyMap<string, string>,
  options: ts.CompilerOptions,
  libraries: Map<string, ts.SourceFile> = new Map(),
): ts.Program {
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile, directoryExists } = host;
  const folders = foldersOf(texts.keys());
  const libFolder = path.dirname(ts.getDefaultLibFilePath(options));
  host.fileExists = (file) => texts.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => texts.get(path.resolve(file)) ?? readFile.call(host, file);
  host.directoryExists = (dir) => folders.has(path.resolve(dir)) || (directoryExists?.call(host, dir) ?? true);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const absolute = path.resolve(fileName);
    const known = parsed.get(absolute);
    if (known) {
      // The scanner parsed it before the program knew whether it is an ES module or CommonJS.
      if (typeof languageVersion === 'object') known.impliedNodeFormat = languageVersion.impliedNodeFormat;
      return known;
    }
    const shared = !texts.has(absolute) && (absolute.startsWith(libFolder + path.sep) || absolute.includes(`${path.sep}node_modules${path.sep}`));
    if (!shared) return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
    const format = typeof languageVersion === 'object' ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat}` : String(languageVersion);
    const key = `${absolute}\u0000${format}`;
    let sourceFile = libraries.get(key);
    if (!sourceFile) {
      sourceFile = getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
      if (sourceFile) libraries.set(key, sourceFile);
    }
    return sourceFile;
  };
  return ts.createProgram({ rootNames, options, host });
}

/** Every folder above the given files: files held in memory (editors, tests) have folders the disk may not. */
export function foldersOf(files: Iterable<string>): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    for (let dir = path.dirname(file); !folders.has(dir) && dir !== path.dirname(dir); dir = path.dirname(dir)) folders.add(dir);
  }
  return folders;
}
