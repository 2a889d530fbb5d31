import { SampleSet, type CallSamples } from '../core/infer/sample-set.js';
import { addString, createStats, type InferLimits, type ValueStats } from '../core/infer/value-stats.js';
import { formatLocation } from '../core/location.js';
import type { StaticValue, TrackedCall } from './model.js';

/** A call whose event name the linter cannot know (`analytics.track(name, ...)`): no event to draft. */
export interface DynamicCall {
  site: string;
  callee: string;
  text: string;
}

/**
 * The samples of the calls the linter found: one per call site, with what static evaluation and
 * the type checker know of each value. Calls of generated functions are already planned.
 */
export function samplesFromCalls(calls: readonly TrackedCall[], limits: InferLimits): { set: SampleSet; dynamic: DynamicCall[] } {
  const set = new SampleSet(limits);
  const dynamic: DynamicCall[] = [];
  for (const call of calls) {
    if (call.form === 'generated') continue;
    const site = formatLocation(call.span);
    let targets: (CallSamples | undefined)[];
    if (call.call === 'track') {
      if (call.name?.kind !== 'static') {
        dynamic.push({ site, callee: call.callee, text: call.name?.text ?? '(no name)' });
        continue;
      }
      targets = call.name.values.map((name) => set.samplesOf('track', name));
    } else targets = [set.samplesOf(call.call, '')];
    for (const samples of targets) {
      if (!samples) continue;
      samples.count++;
      set.addSite(samples, site);
      addStaticValue(samples.properties, call.properties.kind === 'undefined' ? { kind: 'object', entries: [], complete: true } : call.properties, limits, 0);
    }
  }
  return { set, dynamic };
}

/** Counts what the code passes; an entry that may be absent counts as seen but not as always given. */
function addStaticValue(stats: ValueStats, value: StaticValue, limits: InferLimits, depth: number): void {
  switch (value.kind) {
    case 'undefined':
      return;
    case 'literal': {
      stats.samples++;
      const literal = value.value;
      if (literal === null) stats.nulls++;
      else if (typeof literal === 'string') addString(stats, literal, limits);
      else if (typeof literal === 'number') {
        if (Number.isInteger(literal)) stats.integers++;
        else stats.numbers++;
      } else stats.booleans++;
      return;
    }
    case 'object': {
      stats.samples++;
      stats.objects++;
      stats.literal = false;
      if (!value.complete) stats.open = true;
      if (depth >= limits.maxDepth || stats.open) {
        stats.fields = undefined;
        return;
      }
      const fields = (stats.fields ??= new Map());
      for (const entry of value.entries) {
        let field = fields.get(entry.key);
        if (!field) {
          field = createStats();
          fields.set(entry.key, field);
        }
        addStaticValue(field, entry.value, limits, depth + 1);
        if (entry.optional) field.optional++;
      }
      return;
    }
    case 'array': {
      stats.samples++;
      stats.arrays++;
      stats.literal = false;
      const items = (stats.items ??= createStats());
      for (const element of value.elements) addStaticValue(items, element.value, limits, depth + 1);
      return;
    }
    case 'typed': {
      stats.samples++;
      const strings = value.literals?.filter((l): l is string => typeof l === 'string') ?? [];
      if (strings.length === 0 || strings.length !== (value.literals?.length ?? 0)) stats.literal = false;
      for (const kind of value.kinds) {
        if (kind === 'string') {
          if (strings.length > 0) for (const text of strings) addString(stats, text, limits);
          else {
            stats.strings++;
            stats.formats = [];
            stats.distinct = undefined;
          }
        } else if (kind === 'number') stats.numbers++;
        else if (kind === 'boolean') stats.booleans++;
        else if (kind === 'null') stats.nulls++;
        else if (kind === 'object') {
          stats.objects++;
          stats.open = true;
          stats.fields = undefined;
        } else stats.arrays++;
      }
      if (value.maybeUndefined) stats.optional++;
      return;
    }
    case 'unknown':
      stats.samples++;
      stats.unknown++;
      stats.literal = false;
      return;
  }
}
