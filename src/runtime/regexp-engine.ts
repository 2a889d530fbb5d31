import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/**
 * The engine ajv runs a plan's `pattern`s on. A pattern a ReDoS checker proved safe (`safe`) runs
 * on V8's native engine, which is 10-30 times faster; every other pattern runs on RE2JS, whose
 * matching time is linear in the input whatever the pattern, so one crafted value cannot stall the
 * process. A pattern RE2 cannot express (lookaround, backreferences) falls back to the native
 * engine: the ReDoS check at start-up is what guards those.
 */
export function createRegExpEngine(safe: ReadonlySet<string> = new Set()): RegExpEngine {
  const engine = (pattern: string, flags: string): RegExpLike => {
    if (safe.has(pattern)) return new RegExp(pattern, flags);
    try {
      const compiled = RE2JS.compile(pattern);
      // ajv caches compiled patterns under `toString()`: without its own, every RE2 pattern would
      // share the key "[object Object]" and the first one compiled would judge them all.
      const like: RegExpLike & { toString(): string } = { test: (text: string) => compiled.test(text), toString: () => `re2:/${pattern}/${flags}` };
      return like;
    } catch {
      return new RegExp(pattern, flags);
    }
  };
  // ajv writes `code` into standalone sources; the runtime compiles in memory, where it is unused.
  return Object.assign(engine, { code: 'new RegExp' }) as RegExpEngine;
}
