import type { Location } from '../../../core/location.js';
import type { WarningSink } from '../warnings.js';

/** Everything the converter needs about the file a schema comes from. */
export interface SchemaContext {
  file: string;
  /** The whole document, for `$ref` inside the file. */
  root: unknown;
  /** Where a JSON pointer of the document stands. */
  locate: (pointer: string) => Location;
  sink: WarningSink;
  /** Vendor keys the format's importer handles itself (e.g. Segment `labels`): never reported here. */
  ignoredKeys: ReadonlySet<string>;
  /** A `$ref` that names a plan type (RudderStack `$defs` → `types:`), or undefined to inline it. */
  typeForRef?: (ref: string) => string | undefined;
  /** `$ref`s being followed, outermost first: a repeat is a cycle. */
  refStack: string[];
  /** Unknown keys seen, reported once per key when the file is done (`flushUnknownKeys`). */
  unknownKeys: Map<string, { pointer: string; count: number }>;
}

export interface SchemaContextOptions {
  ignoredKeys?: Iterable<string>;
  typeForRef?: (ref: string) => string | undefined;
}

export function createSchemaContext(
  input: { file: string; data: unknown; locate: (pointer: string) => Location },
  sink: WarningSink,
  options: SchemaContextOptions = {},
): SchemaContext {
  return {
    file: input.file, root: input.data, locate: input.locate, sink,
    ignoredKeys: new Set(options.ignoredKeys ?? []),
    ...(options.typeForRef ? { typeForRef: options.typeForRef } : {}),
    refStack: [], unknownKeys: new Map(),
  };
}

/** One warning per unknown key of the file, at its first place, with the number of places. */
export function flushUnknownKeys(ctx: SchemaContext): void {
  for (const [keyword, { pointer, count }] of ctx.unknownKeys) {
    ctx.sink.warn('unknownKeyword', ctx.locate(pointer), { pointer: pointer || '/', keyword, count });
  }
  ctx.unknownKeys.clear();
}
