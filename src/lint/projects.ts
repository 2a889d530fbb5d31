import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { ConfigError } from '../core/errors.js';
import { analysisOptions, defaultCompilerOptions } from './program.js';

/** The compiler options some files are checked with, and the tsconfig.json / jsconfig.json they come from. */
export interface TsProject {
  /** Absolute path of the config file; undefined when no config governs the files (default options). */
  tsconfig?: string;
  /** Compiler options made safe for analysis (see `analysisOptions`). */
  options: ts.CompilerOptions;
}

interface ReadConfig {
  project: TsProject;
  /** The config's JSON as written. */
  json: unknown;
  /** Config files of its `references`. */
  references: string[];
  /** Whether it names files itself (`files` or `include`); a solution-style config (`"files": []`) does not. */
  hasOwnFiles: boolean;
  /** The files it holds, listed on first need (only configs with or behind `references` are asked). */
  fileNames?: ReadonlySet<string>;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
// Errors that lose options the project relies on (an `extends` that does not resolve, a cycle).
const FATAL_CONFIG_ERRORS = new Set([5083, 6053, 18000]);

/**
 * Finds the TypeScript project of each file: the nearest tsconfig.json (or jsconfig.json) above
 * it, and when that config has `references`, the referenced project whose `files`/`include` hold
 * the file (solution-style configs). Lookups and parsed configs are cached, so asking for every
 * file of a monorepo costs one `existsSync` per folder and one parse per config.
 */
export class ProjectFinder {
  private readonly configOfFolder = new Map<string, string | undefined>();
  private readonly configs = new Map<string, ReadConfig>();
  private readonly projectOfFile = new Map<string, TsProject>();
  private readonly defaults: TsProject = { options: defaultCompilerOptions() };

  /**
   * @param stopAt the folder where the search upwards ends (the repository or workspace root)
   * @param cwd config files in error messages are named relative to it
   */
  constructor(private readonly stopAt: string, private readonly cwd: string) {}

  /** The project that governs a file (absolute path). */
  projectOf(file: string): TsProject {
    const absolute = path.resolve(file);
    let project = this.projectOfFile.get(absolute);
    if (!project) {
      const nearest = this.nearestConfig(path.dirname(absolute));
      project = nearest ? this.resolveReferences(this.read(nearest), absolute) : this.defaults;
      this.projectOfFile.set(absolute, project);
    }
    return project;
  }

  /** One project for every file: `--tsconfig`. */
  readProject(tsconfig: string): TsProject {
    return this.read(path.resolve(tsconfig)).project;
  }

  private nearestConfig(folder: string): string | undefined {
    if (this.configOfFolder.has(folder)) return this.configOfFolder.get(folder);
    const own = CONFIG_NAMES.map((name) => path.join(folder, name)).find((candidate) => existsSync(candidate));
    const parent = path.dirname(folder);
    const found = own ?? (folder === this.stopAt || parent === folder ? undefined : this.nearestConfig(parent));
    this.configOfFolder.set(folder, found);
    return found;
  }

  /** The config itself when it holds the file or has no references; else the referenced project that does. */
  private resolveReferences(config: ReadConfig, file: string): TsProject {
    if (config.references.length === 0) return config.project;
    return this.holder(config, file, new Set()) ?? config.project;
  }

  private holder(config: ReadConfig, file: string, seen: Set<ReadConfig>): TsProject | undefined {
    if (seen.has(config)) return undefined;
    seen.add(config);
    if (config.references.length === 0) return this.fileNamesOf(config).has(file) ? config.project : undefined;
    if (config.hasOwnFiles && this.fileNamesOf(config).has(file)) return config.project;
    for (const reference of config.references) {
      if (!existsSync(reference)) continue;
      const found = this.holder(this.read(reference), file, seen);
      if (found) return found;
    }
    return undefined;
  }

  private fileNamesOf(config: ReadConfig): ReadonlySet<string> {
    if (!config.fileNames) {
      const tsconfig = config.project.tsconfig!;
      // allowJs: a JavaScript file of the project belongs to it even where the config leaves JS out.
      const parsed = ts.parseJsonConfigFileContent(config.json, ts.sys, path.dirname(tsconfig), { allowJs: true }, tsconfig);
      config.fileNames = new Set(parsed.fileNames.map((name) => path.resolve(name)));
    }
    return config.fileNames;
  }

  private read(tsconfig: string): ReadConfig {
    let config = this.configs.get(tsconfig);
    if (!config) {
      config = readConfig(tsconfig, this.cwd);
      this.configs.set(tsconfig, config);
    }
    return config;
  }
}

/** Parses a config with its `extends` chain (TypeScript's own resolution, package names included). */
function readConfig(tsconfig: string, cwd: string): ReadConfig {
  const text = readFileSync(tsconfig, 'utf8');
  const syntax = ts.parseConfigFileTextToJson(tsconfig, text);
  if (syntax.error) throw new ConfigError(formatConfigError(syntax.error, cwd, tsconfig));
  // Options only: listing the files of every config would walk each package's folders.
  const host: ts.ParseConfigHost = { ...ts.sys, useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames, readDirectory: () => [] };
  const isJsconfig = path.basename(tsconfig) === 'jsconfig.json';
  const existing = isJsconfig ? { allowJs: true, allowSyntheticDefaultImports: true } : undefined;
  const parsed = ts.parseJsonSourceFileConfigFileContent(ts.parseJsonText(tsconfig, text), host, path.dirname(tsconfig), existing, tsconfig);
  const fatal = parsed.errors.find((error) => FATAL_CONFIG_ERRORS.has(error.code));
  if (fatal) throw new ConfigError(formatConfigError(fatal, cwd, tsconfig));
  const raw = syntax.config as { files?: unknown; include?: unknown };
  return {
    project: { tsconfig, options: analysisOptions(parsed.options) },
    json: syntax.config,
    references: (parsed.projectReferences ?? []).map((reference) => path.resolve(ts.resolveProjectReferencePath(reference))),
    hasOwnFiles: raw.include !== undefined || !Array.isArray(raw.files) || raw.files.length > 0,
  };
}

function formatConfigError(error: ts.Diagnostic, cwd: string, fallbackFile?: string): string {
  const message = ts.flattenDiagnosticMessageText(error.messageText, '\n');
  const file = error.file?.fileName ?? fallbackFile;
  if (!file) return message;
  const where = path.relative(cwd, file).split(path.sep).join('/');
  if (!error.file || error.start === undefined) return `${where}: ${message}`;
  const { line, character } = error.file.getLineAndCharacterOfPosition(error.start);
  return `${where}:${line + 1}:${character + 1}: ${message}`;
}

/**
 * Where the search for configs stops: the repository root (a `.git` folder or file), or outside
 * git the workspace root (pnpm-workspace.yaml, a package.json with `workspaces`), or the file
 * system root. A tsconfig above the repository is never one of its projects.
 */
export function findProjectBoundary(cwd: string): string {
  const start = path.resolve(cwd);
  const ancestors: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    ancestors.push(dir);
    if (dir === path.dirname(dir)) break;
  }
  return ancestors.find((dir) => existsSync(path.join(dir, '.git')))
    ?? ancestors.find(isWorkspaceRoot)
    ?? ancestors[ancestors.length - 1]!;
}

function isWorkspaceRoot(dir: string): boolean {
  if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return true;
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { workspaces?: unknown }).workspaces !== undefined;
  } catch (error) {
    // A broken package.json is not ours to report here; it only means this is not a workspace root.
    if (error instanceof SyntaxError) return false;
    throw error;
  }
}
