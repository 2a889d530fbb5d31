/**
 * A reporter turns one kind of result into text for one `--format`. Each result kind has a
 * registry (src/report/reporters.ts); a command's `--format` choices and help come from it, so
 * a new format is a new reporter plus its entry there and its test.
 */
export interface Reporter<Result, Context> {
  /** The `--format` value. */
  name: string;
  /** One line for `--help`. */
  description: string;
  format(result: Result, context: Context): string;
  /** Where the CLI writes the text (default stdout): a summary beside streamed records goes to stderr. */
  output?: 'stdout' | 'stderr';
}

/** Declares a reporter with its types checked against the registry it goes into. */
export function defineReporter<Result, Context>(reporter: Reporter<Result, Context>): Reporter<Result, Context> {
  return reporter;
}

/** The reporter of a registry by `--format` name (the CLI has already checked the name). */
export function findReporter<R extends { name: string }>(registry: readonly R[], name: string): R {
  const reporter = registry.find((r) => r.name === name);
  if (!reporter) throw new Error(`no reporter "${name}"; expected one of ${registry.map((r) => r.name).join(', ')}`);
  return reporter;
}

/** `--format` help text listing a registry's reporters. */
export function describeFormats(registry: readonly { name: string; description: string }[]): string {
  return `output format: ${registry.map((r) => `${r.name} (${r.description})`).join(', ')}`;
}
