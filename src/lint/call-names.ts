import path from 'node:path';
import type { LintConfig } from './config.js';
import type { GeneratedFunction } from './generated-names.js';
import { buildPrefilter, type Prefilter } from './prefilter.js';
import { CALL_METHODS, type SdkForm } from './sdk.js';

export interface CallNames {
  /** Method names worth a look: the SDK calls, the last segment of wrapper callees, generated functions (namespace imports). */
  methodNames: Set<string>;
  /** Bare function names worth a look: wrappers and generated functions. */
  functionNames: Set<string>;
  prefilter: Prefilter;
}

/** The names a call must have to be worth resolving, and the text prefilter built from them. */
export function callNames(config: LintConfig, generated: ReadonlyMap<string, GeneratedFunction>, modules: ReadonlyMap<string, SdkForm>): CallNames {
  const wrapperMethods = config.calls.map((c) => c.callee.split(/\??\./).pop()!);
  const bareWrappers = config.calls
    .map((c) => c.callee.replace(/^this\./, ''))
    .filter((callee) => !callee.includes('.'));
  const methodNames = new Set<string>([...CALL_METHODS, ...wrapperMethods, ...generated.keys()]);
  const functionNames = new Set<string>([...bareWrappers, ...generated.keys()]);
  // Files that import a generated module may call its functions under other names.
  const moduleSuffixes = [...modules.keys()].map((m) => m.split(path.sep).slice(-2).join('/'));
  return { methodNames, functionNames, prefilter: buildPrefilter(methodNames, functionNames, moduleSuffixes) };
}
