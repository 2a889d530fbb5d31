import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Disagreement, DraftedCall } from '../core/infer/draft-plan.js';
import { draftSections } from '../core/infer/draft-plan.js';
import type { EventIR, PlanIR } from '../core/ir.js';
import { listPlanFiles } from './sheets/write-plan-folder.js';
import { writePlanYaml } from './yaml-writer.js';

export interface DraftFiles {
  /** Every plan file of the folder after the change (unchanged ones included), for an all-at-once write. */
  files: Map<string, string>;
  /** Files that are new or change. */
  changed: string[];
  /** Calls added (`Order Completed`, `identify`). */
  added: string[];
  /** Properties added to planned calls (`Order Completed.coupon`), with --merge. */
  extended: string[];
  /** Calls the plan already has (left as they are without --merge). */
  planned: string[];
  disagreements: Disagreement[];
}

export interface DraftFilesOptions {
  /** The plan folder (absolute). */
  dir: string;
  cwd: string;
  calls: readonly DraftedCall[];
  /** The folder's plan, when it has one; otherwise `header` starts a complete plan. */
  existing: PlanIR | undefined;
  header: Record<string, unknown>;
  merge: boolean;
  /** The plan-format schema relative to the folder, for the editor modeline. */
  schemaPath?: string;
}

/**
 * The plan files a draft turns into. An empty folder gets a complete plan (`plan.yaml` with the
 * header, `events.yaml`); a folder with a plan gets its new calls in a new file
 * (`inferred.yaml`, never overwriting one), and with `merge` the new properties of its planned
 * calls, written into their files. Nothing planned is changed: disagreements are reported.
 */
export async function draftPlanFiles(options: DraftFilesOptions): Promise<DraftFiles> {
  const { dir, calls, existing } = options;
  const result: DraftFiles = { files: new Map(), changed: [], added: [], extended: [], planned: [], disagreements: [] };
  const modeline = options.schemaPath === undefined ? {} : { schemaPath: options.schemaPath };
  const comments = (list: readonly DraftedCall[]) => new Map(list.map((c) => [c.call === 'track' ? `events.${c.name}` : c.call, c.comment.map((l) => l.replace(/[\r\n]+/g, ' '))]));
  if (!existing) {
    result.files.set('plan.yaml', writePlanYaml(options.header, modeline));
    if (calls.length > 0) result.files.set('events.yaml', writePlanYaml(draftSections(calls), { ...modeline, comments: comments(calls) }));
    result.changed.push(...result.files.keys());
    result.added.push(...calls.map((c) => c.name));
    return result;
  }
  for (const file of await listPlanFiles(dir)) result.files.set(file, await readFile(path.join(dir, file), 'utf8'));
  const fresh: DraftedCall[] = [];
  for (const call of calls) {
    const event = existing.events.find((e) => e.call === call.call && (call.call !== 'track' || e.name === call.name));
    if (!event) fresh.push(call);
    else {
      result.planned.push(call.name);
      if (options.merge) mergeCall(call, event, options, result);
    }
  }
  if (fresh.length > 0) {
    let name = 'inferred.yaml';
    for (let n = 2; result.files.has(name); n++) name = `inferred-${n}.yaml`;
    result.files.set(name, writePlanYaml(draftSections(fresh), { ...modeline, comments: comments(fresh) }));
    result.changed.push(name);
    result.added.push(...fresh.map((c) => c.name));
  }
  const place = (d: Disagreement) => d.location.split(':');
  result.disagreements.sort((a, b) => {
    const [fa = '', la = '0', ca = '0'] = place(a);
    const [fb = '', lb = '0', cb = '0'] = place(b);
    return fa < fb ? -1 : fa > fb ? 1 : Number(la) - Number(lb) || Number(ca) - Number(cb);
  });
  return result;
}

/** Adds the call's new properties to the event's file; reports the ones that disagree. */
function mergeCall(call: DraftedCall, event: EventIR, options: DraftFilesOptions, result: DraftFiles): void {
  const section = call.call === 'identify' || call.call === 'group' ? 'traits' : 'properties';
  const drafted = (call.definition[section] ?? {}) as Record<string, Record<string, unknown>>;
  const additions: [string, Record<string, unknown>][] = [];
  for (const [name, definition] of Object.entries(drafted)) {
    const planned = event.properties.find((p) => p.name === name);
    if (!planned) {
      additions.push([name, definition]);
      continue;
    }
    const where = `${call.name}.${name}`;
    const location = 'file' in planned.location ? `${planned.location.file}:${planned.location.line}:${planned.location.column}` : '';
    const types = [definition['type']].flat() as string[];
    const fits = (type: string) => planned.type.includes('any') || planned.type.includes(type as never) || (type === 'integer' && planned.type.includes('number')) || (type === 'any');
    if (!types.every(fits)) result.disagreements.push({ path: where, location, kind: 'type', planned: planned.type.join(' | '), found: types.join(' | ') });
    if (planned.required && definition['required'] !== true) {
      const entry = call.report.find((r) => r.path === name);
      result.disagreements.push({ path: where, location, kind: 'required', planned: 'required', found: entry ? `in ${entry.samples} of ${entry.of} samples${entry.nullable ? ', some null' : ''}` : 'not always given' });
    }
    const values = definition['enum'] as string[] | undefined;
    const outside = planned.enum && values ? values.filter((v) => !planned.enum!.includes(v)) : [];
    if (outside.length > 0) result.disagreements.push({ path: where, location, kind: 'enum', planned: JSON.stringify(planned.enum), found: JSON.stringify(outside) });
  }
  if (additions.length === 0 || !('file' in event.location)) return;
  const file = path.relative(options.dir, path.resolve(options.cwd, event.location.file)).split(path.sep).join('/');
  const text = result.files.get(file);
  if (text === undefined) return;
  const base = call.call === 'track' ? ['events', call.name, section] : [call.call, section];
  result.files.set(file, addDefinitions(text, base, additions));
  for (const [name] of additions) result.extended.push(`${call.name}.${name}`);
  if (!result.changed.includes(file)) result.changed.push(file);
}

/**
 * The file with definitions added to the map at `base`. A block map gets the new lines after its
 * last entry, at its indentation, so the rest of the file (comments, layout) stays byte for byte;
 * a flow map or a missing one goes through the YAML library, which may reformat the file.
 */
function addDefinitions(text: string, base: string[], additions: readonly [string, Record<string, unknown>][]): string {
  const doc = parseDocument(text);
  const node = doc.getIn(base, true);
  if (isMap(node) && !node.flow && node.items.length > 0 && node.range && isScalar(node.items[0]!.key) && node.items[0]!.key.range) {
    const keyStart = node.items[0]!.key.range[0];
    const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
    const rendered = writePlanYaml({ properties: Object.fromEntries(additions) }).split('\n').slice(1).filter((l) => l !== '');
    const insertion = rendered.map((line) => `${' '.repeat(indent)}${line.slice(2)}\n`).join('');
    const at = node.range[1];
    return `${text.slice(0, at)}${at > 0 && text[at - 1] !== '\n' ? '\n' : ''}${insertion}${text.slice(at)}`;
  }
  for (const [name, definition] of additions) doc.setIn([...base, name], doc.createNode(definition, { flow: true }));
  return doc.toString({ lineWidth: 0 });
}
