import { stringify } from 'yaml';
import type { SuggestWrappersResult, WrapperSuggestion } from '../core/wrapper-suggestions.js';
import { defineReporter } from './reporter.js';

/**
 * `trackplan lint --suggest-wrappers`, for people: a `lint.calls` YAML snippet ready to paste
 * under `lint:` in the plan header, each entry after a comment saying where the function is and
 * which sink it reaches.
 */
export function formatSuggestionsPretty(result: SuggestWrappersResult): string {
  const { suggestions, files } = result;
  if (suggestions.length === 0) return `# no wrappers found in ${files} files\n`;
  const lines = [`# ${suggestions.length} wrapper${suggestions.length === 1 ? '' : 's'} found in ${files} files; paste under \`lint:\` in the plan header`, 'calls:'];
  for (const suggestion of suggestions) {
    lines.push(`  # ${suggestion.file}:${suggestion.line}:${suggestion.column} ${suggestion.function} -> ${describeSink(suggestion)}`);
    const entry = stringify([suggestion.entry], { flowCollectionPadding: true, lineWidth: 0 }).trimEnd();
    lines.push(...entry.split('\n').map((line) => `  ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

function describeSink({ sink }: WrapperSuggestion): string {
  const where = `line ${sink.line}`;
  if (sink.kind === 'collector') return `${sink.callee} ${sink.detail} (${where})`;
  return `${sink.callee} (${sink.kind === 'sdk' ? `${sink.detail} SDK` : sink.detail}, ${where})`;
}

/** The JSON of `--suggest-wrappers --format json`: `{ suggestions: [{ file, line, column, function, sink, call }], summary: { files, parsed, suggestions } }`. */
export function formatSuggestionsJson(result: SuggestWrappersResult): string {
  const summary = { files: result.files, parsed: result.parsed, suggestions: result.suggestions.length };
  return `${JSON.stringify({ suggestions: result.suggestions, summary }, null, 2)}\n`;
}

/** The formats of `--suggest-wrappers`. */
export const SUGGEST_REPORTERS = [
  defineReporter<SuggestWrappersResult, object>({ name: 'pretty', description: 'a lint.calls YAML snippet', format: (result) => formatSuggestionsPretty(result) }),
  defineReporter<SuggestWrappersResult, object>({ name: 'json', description: 'suggestions with their sinks', format: (result) => formatSuggestionsJson(result) }),
];
