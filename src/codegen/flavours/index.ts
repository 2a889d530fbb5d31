import { BROWSER_CODEGEN } from './browser.js';
import type { CodegenFlavour } from './codegen-flavour.js';
import { NODE_CODEGEN } from './node.js';
import { writeFunctionDoc } from '../call-functions.js';
import type { Flavour } from '../../core/flavours/index.js';
import type { TrackingName } from '../../core/naming/namer.js';
import type { FunctionSource } from '../../core/source-model.js';

export type { CodegenFlavour } from './codegen-flavour.js';

/**
 * The module emitter of every flavour, one file each; a new flavour is one entry here (and its
 * `FlavourSpec` in `src/core/flavours/`). test/codegen/flavours.test.ts checks both lists match.
 */
export const CODEGEN_FLAVOURS: readonly CodegenFlavour[] = [BROWSER_CODEGEN, NODE_CODEGEN];

/** The module emitter of a flavour. */
export function codegenFlavour(id: Flavour): CodegenFlavour {
  const found = CODEGEN_FLAVOURS.find((flavour) => flavour.id === id);
  if (found === undefined) throw new Error(`trackplan: no module emitter for the flavour "${id}" in src/codegen/flavours/`);
  return found;
}

/** The function that sends one planned call, in the given flavour. */
export function callFunction(name: TrackingName, flavour: Flavour, byEventName: ReadonlyMap<string, TrackingName>): FunctionSource {
  return codegenFlavour(flavour).callFunction(name, writeFunctionDoc(name, byEventName));
}
