import { stringify } from 'yaml';

/** Lines longer than this are written in block style even when flow style would be allowed. */
const LINE_WIDTH = 100;

export interface PlanYamlOptions {
  /** Path of the plan-format JSON Schema relative to the file, for the yaml-language-server modeline. */
  schemaPath?: string;
  /** Comment lines written above a call's key: by track event name under `events.`, or by section (`identify`). */
  comments?: ReadonlyMap<string, readonly string[]>;
}

type Role = 'root' | 'events' | 'event' | 'definitions' | 'definition' | 'other';

/**
 * Writes one plan file in the layout of DESIGN section 2: block style for the structure, one-line
 * flow mappings for short property definitions (`email: { type: email, required: true }`), an
 * empty value for a plain library reference (`utm_source:`), a blank line between sections and
 * between events. The same data always gives the same text, so a diff shows only real changes.
 */
export function writePlanYaml(data: Readonly<Record<string, unknown>>, options: PlanYamlOptions = {}): string {
  const lines: string[] = [];
  if (options.schemaPath !== undefined) lines.push(`# yaml-language-server: $schema=${options.schemaPath}`);
  writeMap(lines, data, 0, 'root', options.comments);
  return `${lines.join('\n')}\n`;
}

function childRole(parent: Role, key: string): Role {
  if (parent === 'root') {
    if (key === 'events') return 'events';
    if (key === 'types' || key === 'properties') return 'definitions';
    if (['identify', 'page', 'screen', 'group'].includes(key)) return 'event';
    return 'other';
  }
  if (parent === 'events') return 'event';
  if (parent === 'event') return key === 'properties' || key === 'traits' ? 'definitions' : 'other';
  if (parent === 'definitions') return 'definition';
  if (parent === 'definition') {
    if (key === 'items') return 'definition';
    if (key === 'properties') return 'definitions';
  }
  return 'other';
}

function writeMap(lines: string[], map: Readonly<Record<string, unknown>>, indent: number, role: Role, comments?: PlanYamlOptions['comments']): void {
  const pad = ' '.repeat(indent);
  const entries = Object.entries(map);
  entries.forEach(([key, value], i) => {
    // Blank lines set events apart, and the sections of a file (but not a run of header scalars).
    const spaced = role === 'events' || (role === 'root' && (isCollection(value) || isCollection(entries[i - 1]?.[1])));
    if (spaced && i > 0) lines.push('');
    const comment = role === 'events' ? comments?.get(`events.${key}`) : role === 'root' ? comments?.get(key) : undefined;
    for (const line of comment ?? []) lines.push(`${pad}# ${line}`);
    const head = `${pad}${flowScalar(key)}:`;
    const role2 = childRole(role, key);
    if (value === null || value === undefined) lines.push(head);
    else if (isMap(value)) {
      const flow = Object.keys(value).length === 0 ? '{}' : role2 === 'definition' ? flowIfSimple(value) : undefined;
      if (flow !== undefined && head.length + 1 + flow.length <= LINE_WIDTH) lines.push(`${head} ${flow}`);
      else {
        lines.push(head);
        writeMap(lines, value, indent + 2, role2, comments);
      }
    } else if (Array.isArray(value)) writeList(lines, head, value, indent);
    else lines.push(`${head} ${blockScalar(value, indent)}`);
  });
}

function writeList(lines: string[], head: string, list: readonly unknown[], indent: number): void {
  const flow = flowIfSimple(list);
  if (flow !== undefined && head.length + 1 + flow.length <= LINE_WIDTH) {
    lines.push(`${head} ${flow}`);
    return;
  }
  lines.push(head);
  const pad = ' '.repeat(indent + 2);
  for (const item of list) {
    if (isMap(item) && Object.keys(item).length > 0) {
      const nested: string[] = [];
      writeMap(nested, item, indent + 4, 'other');
      lines.push(`${pad}- ${nested[0]!.trimStart()}`, ...nested.slice(1));
    } else if (Array.isArray(item) || isMap(item)) {
      lines.push(`${pad}- ${flowIfSimple(item) ?? stringify(item, { collectionStyle: 'flow', lineWidth: 0 }).trim()}`);
    }
    else lines.push(`${pad}- ${item === null ? 'null' : blockScalar(item, indent + 2)}`);
  }
}

/** Flow text of a map or list whose members are all one-line scalars or lists of them. */
function flowIfSimple(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const items = value.map((item) => (isFlowScalar(item) ? flowScalar(item) : undefined));
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (!isMap(value)) return undefined;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) {
    const text = Array.isArray(item) ? flowIfSimple(item) : isFlowScalar(item) ? flowScalar(item) : undefined;
    if (text === undefined) return undefined;
    parts.push(`${flowScalar(key)}: ${text}`);
  }
  return `{ ${parts.join(', ')} }`;
}

function isFlowScalar(value: unknown): boolean {
  return value === null || typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && !/[\n\r]/.test(value));
}

/** Words and simple phrases that YAML reads as strings in any context: no quoting to work out. */
const PLAIN = /^[A-Za-z_][\w/-]*(?: [\w/()-]+)*$/;
const KEYWORDS = /^(?:true|false|null|y|n|yes|no|on|off)$/i;

/** A scalar as it must be written inside `[...]` or `{...}` (quoted when flow indicators need it). */
function flowScalar(value: unknown): string {
  if (typeof value === 'string' && PLAIN.test(value) && !KEYWORDS.test(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  const text = stringify([value], { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trim();
  return text.slice(1, -1);
}

/** A scalar after `key: `; multi-line strings become block literals indented under their key. */
function blockScalar(value: unknown, indent: number): string {
  if ((typeof value === 'string' && PLAIN.test(value) && !KEYWORDS.test(value)) || typeof value === 'boolean') return String(value);
  const text = stringify({ k: value }, { lineWidth: 0 }).replace(/\n$/, '');
  const [first, ...rest] = text.slice(3).split('\n');
  const pad = ' '.repeat(indent);
  return [first, ...rest.map((line) => (line === '' ? line : pad + line))].join('\n');
}

function isCollection(value: unknown): boolean {
  return Array.isArray(value) || (isMap(value) && Object.keys(value).length > 0);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
