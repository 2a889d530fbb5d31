import { formatLocation } from '../../../core/location.js';
import { parseJsonInput } from '../json-input.js';
import { createSchemaContext, flushUnknownKeys, type SchemaContext } from '../json-schema/context.js';
import { convertEventData, splitWholeCall } from '../json-schema/event-data.js';
import { layOutPlan, slugify, type EventDraft, type PlanDraft } from '../plan-draft.js';
import { InteropInputError } from '../errors.js';
import type { ImportFormat, ImportOptions, InputFile } from '../types.js';
import { refuseOtherFormat } from '../sniff.js';
import { WarningSink } from '../warnings.js';
import { readSegmentPlan, type SegmentRule } from './detect.js';

const CALL_OF = { IDENTIFY: 'identify', GROUP: 'group', PAGE: 'page', SCREEN: 'screen' } as const;

/** Segment Protocols: Public API plans (raw or typewriter's cache), Config API plans, rules objects. */
export const importFormat: ImportFormat = {
  name: 'segment',
  summary: 'Segment Protocols plan: Public API, Config API or typewriter plan.json',
  importPlan(files: readonly InputFile[], options: ImportOptions) {
    const sink = new WarningSink();
    const draft: PlanDraft = { id: '', name: '', version: '1.0.0', events: new Map([['', {}]]), calls: {} };
    const seen = new Map<string, string>();
    for (const file of files) {
      if (/typewriter\.ya?ml$|ruddertyper\.ya?ml$/i.test(file.path)) {
        if (files.length === 1) throw new InteropInputError(file.path, 'typewriter.yml is client configuration, not a plan: pass the plan.json it generates from');
        sink.warn('skipped', { file: file.path, line: 1, column: 1, endLine: 1, endColumn: 1 }, { pointer: '/', what: 'typewriter client configuration', reason: 'it holds no plan' });
        continue;
      }
      const input = parseJsonInput(file);
      refuseOtherFormat(input.data, file.path, 'segment');
      const plan = readSegmentPlan(input);
      draft.name ||= plan.name ?? file.path.replace(/^.*\//, '').replace(/\.json$/i, '');
      if (plan.description !== undefined) draft.description ??= plan.description;
      const ctx = createSchemaContext(input, sink, { ignoredKeys: ['labels', 'eventMetadata'] });
      for (const rule of chooseVersions(plan.rules, options, ctx)) addRule(draft, rule, ctx, seen);
      for (const pointer of plan.unread) sink.warn('skipped', input.locate(pointer), { pointer, what: 'the Config API trait list', reason: 'its shape is not documented; the identify and group rules are read instead' });
      flushUnknownKeys(ctx);
    }
    draft.id = slugify(draft.name) || 'segment-plan';
    return { documents: layOutPlan(draft), diagnostics: sink.diagnostics };
  },
};

/** One rule per event: the newest version, or `--event-version`; the others are reported. */
function chooseVersions(rules: SegmentRule[], options: ImportOptions, ctx: SchemaContext): SegmentRule[] {
  const byEvent = new Map<string, SegmentRule[]>();
  for (const rule of rules) byEvent.set(`${rule.type}\0${rule.key}`, [...(byEvent.get(`${rule.type}\0${rule.key}`) ?? []), rule]);
  const chosen: SegmentRule[] = [];
  for (const versions of byEvent.values()) {
    const newest = versions.reduce((a, b) => (b.version > a.version ? b : a));
    const wanted = options.eventVersion === undefined ? undefined : versions.find((v) => v.version === options.eventVersion);
    const taken = wanted ?? newest;
    chosen.push(taken);
    for (const other of versions) {
      if (other === taken) continue;
      if (other.version === taken.version) {
        ctx.sink.warn('duplicateName', ctx.locate(other.pointer), { pointer: other.pointer, kind: 'event', name: other.key || other.type.toLowerCase(), other: formatLocation(ctx.locate(taken.pointer)) });
        continue;
      }
      ctx.sink.warn('olderVersion', ctx.locate(other.pointer), { pointer: other.pointer, version: other.version, name: other.key || other.type.toLowerCase(), taken: taken.version, hint: '; choose with --event-version' });
    }
  }
  return chosen;
}

function addRule(draft: PlanDraft, rule: SegmentRule, ctx: SchemaContext, seen: Map<string, string>): void {
  if (rule.type === 'COMMON') {
    if (!isTrivial(rule.schema)) ctx.sink.warn('lostField', ctx.locate(rule.pointer), { pointer: rule.pointer, what: 'the global (common) rule on every call', target: 'the plan' });
    return;
  }
  const call = rule.type === 'TRACK' ? 'track' : CALL_OF[rule.type];
  const key = call === 'track' ? rule.key : call;
  const previous = seen.get(`${call}\0${key}`);
  if (previous !== undefined) {
    ctx.sink.warn('duplicateName', ctx.locate(rule.pointer), { pointer: rule.pointer, kind: call === 'track' ? 'event' : 'rule', name: key, other: previous });
    return;
  }
  seen.set(`${call}\0${key}`, `${ctx.file}#${rule.pointer}`);
  const dataKey = call === 'identify' || call === 'group' ? 'traits' : 'properties';
  const names = call === 'page' || call === 'screen' ? pageNames(rule) : [];
  const { data, pointer } = rule.shape === 'flat' ? { data: flatData(rule.schema), pointer: rule.pointer } : splitWholeCall(rule.schema, rule.pointer, dataKey, ctx, names.length > 0 ? ['name'] : []);
  const converted = convertEventData(data, pointer, ctx);
  const event: EventDraft = {
    ...(rule.description !== undefined ? { description: rule.description } : {}),
    ...tagsOf(rule),
    ...(rule.deprecated ? { status: 'deprecated' } : {}),
    ...(names.length > 0 ? { names } : {}),
    ...(dataKey === 'traits' && converted['properties'] !== undefined ? { traits: converted['properties'] } : {}),
    ...(dataKey === 'properties' && converted['properties'] !== undefined ? { properties: converted['properties'] } : {}),
    ...(converted['additional_properties'] === true ? { additional_properties: true } : {}),
  };
  if (call === 'track') {
    if (rule.key === '') throw new InteropInputError(`${ctx.file}#${rule.pointer}`, 'a TRACK rule without an event name (`key`)');
    draft.events.get('')![rule.key] = event;
  } else draft.calls![call] = event;
}

/** A page rule's `name: {enum: [...]}` is the plan's `page.names`. */
function pageNames(rule: SegmentRule): string[] {
  const members = rule.schema['properties'] as Record<string, unknown> | undefined;
  const name = members?.['name'] as Record<string, unknown> | undefined;
  const values = name && Object.keys(name).length === 1 && Array.isArray(name['enum']) ? name['enum'] : [];
  const required = Array.isArray(rule.schema['required']) && rule.schema['required'].includes('name');
  return required && values.length > 0 && values.every((v) => typeof v === 'string') ? (values as string[]) : [];
}

/** typewriter's cache keeps the data object at the top, with its own metadata beside it. */
function flatData(schema: Record<string, unknown>): Record<string, unknown> {
  const { description: _d, eventMetadata: _m, labels: _l, $schema: _s, ...data } = schema;
  return data;
}

/** Segment labels `{area: account}` become tags `area:account`. */
function tagsOf(rule: SegmentRule): EventDraft {
  const tags = Object.entries(rule.labels).map(([k, v]) => (v === '' || v === true || v === 'true' ? k : `${k}:${String(v)}`));
  return tags.length > 0 ? { tags } : {};
}

/** A global rule that constrains nothing: `{type: object, properties: {context: {}, ...}}`. */
function isTrivial(schema: Record<string, unknown>): boolean {
  const members = (schema['properties'] ?? {}) as Record<string, unknown>;
  const keys = Object.keys(schema).filter((k) => !['$schema', 'type', 'properties', 'description', 'title'].includes(k));
  return keys.length === 0 && Object.values(members).every((m) => m !== null && typeof m === 'object' && Object.keys(m).length === 0);
}
