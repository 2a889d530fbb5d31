import { createDiagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { Location } from '../../core/location.js';

/**
 * What import and export report: each a warning (exit 1) naming the place in the input (or the
 * plan) and what was lost. `{pointer}` is the JSON pointer (or YAML path) of the place.
 */
export const INTEROP_WARNINGS = {
  unsupportedKeyword: { ruleId: 'interop-lost', message: '{pointer}: `{keyword}` cannot be held by the plan ({detail}); kept the looser form without it' },
  unknownKeyword: { ruleId: 'interop-lost', message: '{pointer}: `{keyword}` has no place in the plan and was dropped ({count} place(s) in this file)' },
  refOutside: { ruleId: 'interop-lost', message: '{pointer}: `$ref` {ref} points outside the file; kept `any` in its place' },
  refCycle: { ruleId: 'interop-lost', message: '{pointer}: `$ref` {ref} refers to itself ({cycle}); the plan has no recursive types, kept `any` at the repetition' },
  refMissing: { ruleId: 'interop-lost', message: '{pointer}: `$ref` {ref} names nothing in this file; kept `any` in its place' },
  lostField: { ruleId: 'interop-lost', message: '{pointer}: {what} has no place in {target} and was not carried' },
  olderVersion: { ruleId: 'interop-lost', message: '{pointer}: version {version} of "{name}" was not imported (took version {taken}){hint}' },
  variant: { ruleId: 'interop-lost', message: '{pointer}: the variants of "{name}" cannot be expressed ({detail})' },
  duplicateName: { ruleId: 'interop-duplicate', message: '{pointer}: {kind} "{name}" is defined again; kept the first, at {other}' },
  skipped: { ruleId: 'interop-lost', message: '{pointer}: {what} was skipped: {reason}' },
} as const;

export type InteropWarningId = keyof typeof INTEROP_WARNINGS;

/** Collects warnings while one import or export runs. */
export class WarningSink {
  readonly diagnostics: Diagnostic[] = [];

  warn(id: InteropWarningId, location: Location | undefined, data: Record<string, string | number>): void {
    this.diagnostics.push(createDiagnostic(INTEROP_WARNINGS, id, location, data, { severity: 'warning' }));
  }
}
