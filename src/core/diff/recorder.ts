import { formatMessage } from '../diagnostics.js';
import type { EventIR } from '../ir.js';
import type { Location } from '../location.js';
import { CHANGES, type ChangeId, type PlanChange } from './changes.js';

export interface ChangeInput {
  before?: unknown;
  after?: unknown;
  property?: string;
  keyword?: string;
  side?: 'base' | 'head';
  location?: Location | undefined;
  data?: Record<string, string | number>;
}

/** Collects changes for one event (or the header), filling messages from the catalogue. */
export class ChangeRecorder {
  readonly changes: PlanChange[] = [];

  constructor(private readonly event?: EventIR) {}

  add(changeId: ChangeId, input: ChangeInput): PlanChange {
    const entry = CHANGES[changeId];
    const data: Record<string, string | number> = {
      ...(this.event ? { call: this.event.call, event: this.event.name } : {}),
      ...(input.property !== undefined ? { property: input.property, subject: `property "${input.property}"` } : {}),
      ...(input.keyword !== undefined ? { keyword: input.keyword } : {}),
      ...(input.before !== undefined ? { before: show(input.before) } : {}),
      ...(input.after !== undefined ? { after: show(input.after) } : {}),
      ...input.data,
    };
    const change: PlanChange = {
      changeId,
      kind: entry.kind,
      message: formatMessage(entry.message, data),
      ...(this.event ? { call: this.event.call, event: this.event.name } : {}),
      ...(input.property !== undefined ? { property: input.property } : {}),
      ...(input.keyword !== undefined ? { keyword: input.keyword } : {}),
      ...(input.before !== undefined ? { before: input.before } : {}),
      ...(input.after !== undefined ? { after: input.after } : {}),
      side: input.side ?? 'head',
      ...(input.location ? { location: input.location } : {}),
      data,
    };
    this.changes.push(change);
    return change;
  }
}

/** Values in messages: strings quoted, lists of names as `[web, app]`. */
export function show(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (typeof v === 'string' ? v : show(v))).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
