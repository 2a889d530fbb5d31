import { compareLocations, type Location } from './location.js';

/** How serious a diagnostic is: an error fails the command. */
export type Severity = 'error' | 'warning';

/**
 * A finding about a plan, a code base or an event stream: data with a stable rule id, a stable
 * message id (tests assert these, not the prose) and the place it points at.
 */
export interface Diagnostic {
  /** The rule (or loader, or linter check) that found it: a stable id. */
  ruleId: string;
  /** Which message of the rule: a stable id; tests and tools switch on it, not on the prose. */
  messageId: string;
  /** Error or warning. */
  severity: Severity;
  /** The message for people, filled from `data`. */
  message: string;
  /** Where it points; undefined for a finding about the whole input. */
  location: Location | undefined;
  /** Other places that take part, e.g. the first definition of a duplicate name. */
  related?: Location[];
  /** The values the message was filled with. */
  data?: Record<string, string | number>;
}

/** Whether any of the diagnostics is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareLocations(a.location, b.location) || a.ruleId.localeCompare(b.ruleId),
  );
}

/** Fills `{name}` placeholders of a message template from its data. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in data ? String(data[key]) : whole,
  );
}

/** Messages keyed by stable ids, each with the rule id it reports under. */
export type MessageTable = Record<string, { ruleId: string; message: string }>;

/** A diagnostic from a message table entry: the one way every part turns an id and data into a finding. */
export function createDiagnostic<T extends MessageTable>(
  table: T,
  messageId: keyof T & string,
  location: Location | undefined,
  data: Record<string, string | number> = {},
  options: { severity?: Severity; related?: Location[] | undefined } = {},
): Diagnostic {
  const entry = table[messageId]!;
  return {
    ruleId: entry.ruleId,
    messageId,
    severity: options.severity ?? 'error',
    message: formatMessage(entry.message, data),
    location,
    data,
    ...(options.related ? { related: options.related } : {}),
  };
}
