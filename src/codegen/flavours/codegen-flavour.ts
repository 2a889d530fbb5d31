import type { Flavour } from '../../core/flavours/index.js';
import type { CallType } from '../../core/ir.js';
import type { TrackingName } from '../../core/naming/namer.js';
import type { FunctionSource, Section } from '../../core/source-model.js';

/**
 * What one flavour contributes to a generated tracking module; its SDK packages, label, stem and
 * lint recognition are the `FlavourSpec` of the same id in `src/core/flavours/`.
 */
export interface CodegenFlavour {
  id: Flavour;
  /**
   * The flavour's client and option types and its send helpers, after the common sections. Only
   * what the planned calls use: strict projects refuse unused declarations.
   */
  sections: (calls: ReadonlySet<CallType>) => Section[];
  /** The exported function that sends one planned call; `doc` is its JSDoc, the same in every flavour. */
  callFunction: (name: TrackingName, doc: string) => FunctionSource;
}
