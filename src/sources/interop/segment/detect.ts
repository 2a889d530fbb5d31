import { InteropInputError } from '../errors.js';
import type { JsonInput } from '../json-input.js';

/** One rule of a Segment plan, whatever API shape it came in. */
export interface SegmentRule {
  type: 'TRACK' | 'IDENTIFY' | 'GROUP' | 'PAGE' | 'SCREEN' | 'COMMON';
  /** The event name (TRACK); empty for the other types. */
  key: string;
  version: number;
  description?: string;
  labels: Record<string, unknown>;
  deprecated: boolean;
  schema: Record<string, unknown>;
  /** JSON pointer of `schema` in the input. */
  pointer: string;
  /** `flat`: typewriter's plan.json cache, the data object itself; `whole`: the whole call. */
  shape: 'flat' | 'whole';
}

export interface SegmentPlan {
  kind: 'public-api' | 'config-api' | 'rules' | 'single-rule';
  name?: string;
  description?: string;
  rules: SegmentRule[];
  /** Config API trait lists (`identify_traits`, `group_traits`) that are not empty: their shape is undocumented, so they are reported. */
  unread: string[];
}

const RULE_TYPES = new Set(['TRACK', 'IDENTIFY', 'GROUP', 'PAGE', 'SCREEN', 'COMMON']);
const NEVER_DEPRECATED = '0001-01-01T00:00:00.000Z';

/**
 * Finds which Segment shape a document has: the Public API tracking plan (`rules[]` with `key`,
 * `type`, `jsonSchema`; raw or as typewriter caches it), the old Config API plan (`rules:
 * {events[], identify, group, global}`), that rules object alone (Terraform, typewriter v6), or a
 * single whole-call rule schema. Anything else is not Segment: exit 2 with the reason.
 */
export function readSegmentPlan(input: JsonInput): SegmentPlan {
  let data = input.data;
  let base = '';
  if (!isObject(data)) throw new InteropInputError(input.file, 'not a Segment tracking plan: expected a JSON object');
  // The Public API wraps its answers: `{ data: { trackingPlan } }` or `{ data: { rules } }`.
  if (isObject(data['data'])) {
    const inner = data['data'];
    [data, base] = isObject(inner['trackingPlan']) ? [inner['trackingPlan'], '/data/trackingPlan'] : [inner, '/data'];
  }
  const plan = data as Record<string, unknown>;
  const meta = {
    ...(typeof plan['name'] === 'string' && !plan['name'].startsWith('workspaces/') ? { name: plan['name'] } : {}),
    ...(typeof plan['display_name'] === 'string' ? { name: plan['display_name'] } : {}),
    ...(typeof plan['description'] === 'string' && plan['description'] !== '' ? { description: plan['description'] } : {}),
  };
  if (Array.isArray(plan['rules'])) return { kind: 'public-api', ...meta, rules: readPublicRules(plan['rules'], `${base}/rules`, input), unread: [] };
  if (isObject(plan['rules'])) return { kind: 'config-api', ...meta, rules: readConfigRules(plan['rules'], `${base}/rules`, input), unread: unreadTraits(plan['rules'], `${base}/rules`) };
  if (Array.isArray(plan['events']) || ['identify', 'group', 'global'].some((k) => isObject(plan[k]))) {
    return { kind: 'rules', ...meta, rules: readConfigRules(plan, base, input), unread: unreadTraits(plan, base) };
  }
  const members = isObject(plan['properties']) ? plan['properties'] : undefined;
  if (plan['type'] === 'object' && members && isObject(members['traits']) && Object.keys(members['traits']).length > 0) {
    return { kind: 'single-rule', unread: [], rules: [{ type: 'IDENTIFY', key: '', version: 1, labels: {}, deprecated: false, schema: plan, pointer: base, shape: 'whole' }] };
  }
  throw new InteropInputError(input.file, 'not a Segment tracking plan: expected `rules` (Public or Config API), `events` (a rules object) or a whole-call identify rule');
}

function readPublicRules(rules: unknown[], pointer: string, input: JsonInput): SegmentRule[] {
  return rules.map((rule, i) => {
    const at = `${pointer}/${i}`;
    if (!isObject(rule) || typeof rule['type'] !== 'string' || !RULE_TYPES.has(rule['type']) || !isObject(rule['jsonSchema'])) {
      throw new InteropInputError(`${input.file}#${at}`, 'not a Segment rule: expected `type` (TRACK, IDENTIFY, GROUP, PAGE, SCREEN or COMMON) and a `jsonSchema` object');
    }
    const schema = rule['jsonSchema'];
    const labels = isObject(schema['labels']) ? schema['labels'] : {};
    const deprecatedAt = rule['deprecatedAt'];
    return {
      type: rule['type'] as SegmentRule['type'],
      key: typeof rule['key'] === 'string' ? rule['key'] : '',
      version: typeof rule['version'] === 'number' ? rule['version'] : 1,
      ...(typeof schema['description'] === 'string' && schema['description'] !== '' ? { description: schema['description'] } : {}),
      labels,
      deprecated: typeof deprecatedAt === 'string' && deprecatedAt !== NEVER_DEPRECATED,
      schema,
      pointer: `${at}/jsonSchema`,
      shape: 'eventMetadata' in schema ? 'flat' : 'whole',
    };
  });
}

function readConfigRules(rules: Record<string, unknown>, pointer: string, input: JsonInput): SegmentRule[] {
  const out: SegmentRule[] = [];
  const events = Array.isArray(rules['events']) ? rules['events'] : [];
  events.forEach((event, i) => {
    const at = `${pointer}/events/${i}`;
    if (!isObject(event) || typeof event['name'] !== 'string' || !isObject(event['rules'])) {
      throw new InteropInputError(`${input.file}#${at}`, 'not a Segment event rule: expected `name` and a `rules` schema');
    }
    const schema = event['rules'];
    out.push({
      type: 'TRACK', key: event['name'],
      version: typeof event['version'] === 'number' ? event['version'] : 1,
      ...(typeof event['description'] === 'string' && event['description'] !== '' ? { description: event['description'] } : {}),
      labels: isObject(schema['labels']) ? schema['labels'] : {},
      deprecated: false, schema, pointer: `${at}/rules`, shape: 'whole',
    });
  });
  for (const [key, type] of [['identify', 'IDENTIFY'], ['group', 'GROUP'], ['global', 'COMMON']] as const) {
    const schema = rules[key];
    if (isObject(schema)) out.push({ type, key: '', version: 1, labels: {}, deprecated: false, schema, pointer: `${pointer}/${key}`, shape: 'whole' });
  }
  return out;
}

function unreadTraits(rules: Record<string, unknown>, pointer: string): string[] {
  return ['identify_traits', 'group_traits'].filter((key) => Array.isArray(rules[key]) && rules[key].length > 0).map((key) => `${pointer}/${key}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
