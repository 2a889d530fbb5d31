import path from 'node:path';
import { ts } from 'ts-morph';

/**
 * Resolves import specifiers with one set of compiler options (its `paths`, `baseUrl`, module
 * resolution), seeing the files given in memory as well as the disk. Results are cached per folder.
 */
export function createModuleResolver(options: ts.CompilerOptions, texts: ReadonlyMap<string, string>): (specifier: string, containingFile: string) => string | undefined {
  const folders = new Set<string>();
  for (const file of texts.keys()) {
    for (let dir = path.dirname(file); !folders.has(dir) && dir !== path.dirname(dir); dir = path.dirname(dir)) folders.add(dir);
  }
  const host: ts.ModuleResolutionHost = {
    fileExists: (file) => texts.has(path.resolve(file)) || ts.sys.fileExists(file),
    readFile: (file) => texts.get(path.resolve(file)) ?? ts.sys.readFile(file),
    directoryExists: (dir) => folders.has(path.resolve(dir)) || ts.sys.directoryExists(dir),
    realpath: (file) => (texts.has(path.resolve(file)) ? file : (ts.sys.realpath?.(file) ?? file)),
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  };
  const cache = ts.createModuleResolutionCache(ts.sys.getCurrentDirectory(), (name) => name, options);
  return (specifier, containingFile) => {
    const resolved = ts.resolveModuleName(specifier, containingFile, options, host, cache).resolvedModule;
    return resolved ? path.resolve(resolved.resolvedFileName) : undefined;
  };
}
