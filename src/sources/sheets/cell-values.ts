import { PRIMITIVE_TYPES } from '../../core/ir.js';

const TRUE_WORDS = ['true', 'yes', 'y', 'x', '1', 'on', '✓', '✔', '☑'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'off', '✗', '✘', '☐'];

/** `TRUE`, `yes`, `x`, `✓` and friends; undefined when the text is no boolean. */
export function parseBoolean(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A plain or thousands-grouped number as Sheets displays it (`1,000`, `0.5`, `1E+21`). */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (GROUPED.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return undefined;
}

export interface ListItem {
  text: string;
  /** Written in double quotes: always a string, never split or converted. */
  quoted: boolean;
}

/**
 * Splits a list cell (`a, b` or one item per line). An item in double quotes may hold commas,
 * line breaks or leading spaces (JSON string syntax). Returns an error text for a broken quote.
 */
export function splitList(text: string): { items: ListItem[]; error?: string } {
  const items: ListItem[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /[\s,]/.test(text[i]!)) i++;
    if (i >= text.length) break;
    if (text[i] === '"') {
      const end = findClosingQuote(text, i);
      if (end < 0) return { items, error: `a quoted value is not closed: ${text.slice(i)}` };
      try {
        items.push({ text: JSON.parse(text.slice(i, end + 1)) as string, quoted: true });
      } catch (error) {
        return { items, error: `bad quoted value ${text.slice(i, end + 1)}: ${(error as Error).message}` };
      }
      i = end + 1;
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') {
        if (!/\s/.test(text[i]!)) return { items, error: `expected "," after the quoted value ${text.slice(0, end + 1).slice(-40)}` };
        i++;
      }
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
    items.push({ text: text.slice(i, end).trim(), quoted: false });
    i = end;
  }
  return { items };
}

function findClosingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** A list cell's text: items joined by `, `, quoted only where the plain form would read back differently. */
export function formatList(items: readonly string[], plainReadsBack: (item: string) => boolean = () => true): string {
  return items.map((item) => (isPlainListItem(item) && plainReadsBack(item) ? item : JSON.stringify(item))).join(', ');
}

function isPlainListItem(item: string): boolean {
  return item !== '' && item === item.trim() && !/[,\n"]/.test(item) && !item.startsWith('"');
}

/** The names of a union type cell: `string | number` or `string, number`; built-ins in lower case. */
export function splitTypes(text: string): string[] {
  return text
    .split(/[|,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ((PRIMITIVE_TYPES as readonly string[]).includes(name.toLowerCase()) || name.toLowerCase() === 'null' ? name.toLowerCase() : name));
}
