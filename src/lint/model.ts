import type { ts } from 'ts-morph';
import type { CallType, EventIR } from '../core/ir.js';
import type { FileLocation } from '../core/location.js';
import type { CallForm } from '../core/lint-results.js';

export type { CallForm } from '../core/lint-results.js';

/** The JSON kinds a value can take once an SDK serializes it. */
export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export type Literal = string | number | boolean | null;

/** An entry a type merely allows (optional, not written) may never be sent: no rule judges it. */
export function isMerelyAllowed(entry: ObjectEntry): boolean {
  return entry.optional && !entry.written;
}

/**
 * What the linter knows statically about a value. `unknown` means "could be anything": rules never
 * report on it, so an unresolvable value is a missed finding, never a false one.
 */
export type StaticValue =
  | { kind: 'literal'; value: Literal }
  | { kind: 'undefined' }
  | { kind: 'object'; entries: ObjectEntry[]; complete: boolean }
  | { kind: 'array'; elements: ArrayElement[] }
  /** Known only by type (the type checker): the kinds it may take, and its literal values when it is a union of literals. */
  | { kind: 'typed'; kinds: JsonKind[]; literals?: Literal[]; maybeUndefined: boolean }
  | { kind: 'unknown' };

export interface ArrayElement {
  value: StaticValue;
  span: FileLocation;
}

export interface ObjectEntry {
  key: string;
  value: StaticValue;
  /** Where the key is written, or the whole object when the entry comes from a type or a spread. */
  keySpan: FileLocation;
  valueSpan: FileLocation;
  /** The value's expression, when the entry is written in an object literal (names are read from it). */
  valueNode?: { node: ts.Expression; sourceFile: ts.SourceFile };
  /** The entry may be absent: an optional property of a type, or a key of one branch of `c ? {...} : {...}`. */
  optional: boolean;
  /** The key is written in the code (an object literal), not only allowed by a type. */
  written: boolean;
}

/** The event (or page) name of a call, as far as static evaluation goes. */
export type CallName =
  | { kind: 'static'; values: string[]; span: FileLocation }
  | { kind: 'dynamic'; text: string; span: FileLocation };

/** One analytics call found in the code, with its arguments evaluated. */
export interface TrackedCall {
  file: string;
  form: CallForm;
  /** Browser SDKs fill some page properties and send stored traits; Node SDKs send what they are given. Unknown for wrappers. */
  flavour?: 'browser' | 'node';
  call: CallType;
  /** The callee as written, for messages: `rudderanalytics.track`, `client.track`, `formSubmit`. */
  callee: string;
  /** The callee's span: where call-level findings point. */
  span: FileLocation;
  /** The whole call expression: a finding outside it (in a shared const) is moved to the argument it came through. */
  extent: FileLocation;
  /** The name and properties arguments as written at the call (`ctx` in `track('E', ctx)`). */
  anchors: { name?: FileLocation; properties?: FileLocation };
  /** First line of the whole call expression (ignore comments refer to it). */
  line: number;
  name?: CallName;
  /** Properties (track/page/screen) or traits (identify/group); `undefined` when the call passes none. */
  properties: StaticValue;
  /** Where findings about the properties as a whole point (the argument, or the callee when absent). */
  propertiesSpan: FileLocation;
  /** Generated functions: the event the function sends. */
  eventName?: string;
  /** Ids of the plan sources whose `paths` hold this file. */
  sources: string[];
}

/** A planned call a tracked call resolves to (one per static name; `event` is undefined when unplanned). */
export interface CallTarget {
  name: string;
  event: EventIR | undefined;
}
