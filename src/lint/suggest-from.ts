import path from 'node:path';
import type { SourceText } from './lint-sources.js';

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm;
const EXTENSION = /(?:\.d)?\.[cm]?[jt]sx?$/;

export interface AliasOptions {
  resolveModule(specifier: string, containingFile: string): string | undefined;
  /** The `name` of the package a file is the entry of (`packages/analytics/src/index.ts` -> `@acme/analytics`), if any. */
  packageNameOf?(file: string): string | undefined;
}

/**
 * The import callers use for a module, when it is obvious: every import of it found in the
 * sources is the same non-relative specifier (a `paths` alias like `@/lib/analytics`, or the
 * package name). Otherwise undefined, and the suggestion names the file.
 */
export function createAliasFinder(sources: readonly SourceText[], options: AliasOptions): (file: string) => string | undefined {
  let imports: { importer: string; specifier: string }[] | undefined;
  const cache = new Map<string, string | undefined>();
  return (file) => {
    const target = path.resolve(file);
    if (cache.has(target)) return cache.get(target);
    imports ??= sources.flatMap((s) => [...s.text.matchAll(SPECIFIER)].map((m) => ({ importer: path.resolve(s.file), specifier: m[2]! })));
    const stem = path.basename(target).replace(EXTENSION, '');
    const names = new Set([stem === 'index' ? path.basename(path.dirname(target)) : stem]);
    const packageName = stem === 'index' ? options.packageNameOf?.(target) : undefined;
    const aliases = new Set<string>();
    let relative = false;
    for (const { importer, specifier } of imports) {
      if (importer === target) continue;
      const last = specifier.split('/').pop()!.replace(EXTENSION, '');
      const byPackage = specifier === packageName;
      if (!byPackage && !names.has(last) && !(last === 'index' && names.has(specifier.split('/').slice(-2)[0]!))) continue;
      if (!byPackage && options.resolveModule(specifier, importer) !== target) continue;
      if (specifier.startsWith('.')) relative = true;
      else aliases.add(specifier);
    }
    const alias = !relative && aliases.size === 1 ? [...aliases][0] : undefined;
    cache.set(target, alias);
    return alias;
  };
}
