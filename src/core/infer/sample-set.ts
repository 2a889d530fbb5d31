import type { CallType } from '../ir.js';
import { addJsonValue, createStats, type InferLimits, type ValueStats } from './value-stats.js';

/** Every sample of one planned call: a track event by name, or identify, page, screen, group. */
export interface CallSamples {
  call: CallType;
  /** The event name of a track call; empty for the others. */
  name: string;
  /** Samples of the call (events, or call sites in code). */
  count: number;
  /** Its properties (track, page, screen) or traits (identify, group), as one object. */
  properties: ValueStats;
  /** Where the samples came from, for the drafted file's comment (code: call sites; bounded). */
  sites: string[];
  /** Sites beyond the ones kept. */
  moreSites: number;
}

const CALLS = new Set<string>(['track', 'identify', 'page', 'screen', 'group']);
/** Distinct track events kept; past it an input is more likely keyed by ids than planned. */
const MAX_EVENTS = 5000;
const MAX_SITES = 20;

/** Why a message was not counted. */
export type SkipReason = 'not-an-object' | 'no-type' | 'other-call' | 'no-event-name' | 'too-many-events';

/** Samples by planned call, collected from events or from code; memory depends on the plan's size, not the input's. */
export class SampleSet {
  readonly calls = new Map<string, CallSamples>();
  readonly skipped = new Map<SkipReason, number>();

  constructor(readonly limits: InferLimits) {}

  /** The samples of a call, created on first use; undefined past the cap of distinct events. */
  samplesOf(call: CallType, name: string): CallSamples | undefined {
    const key = call === 'track' ? `track:${name}` : call;
    let samples = this.calls.get(key);
    if (!samples) {
      if (this.calls.size >= MAX_EVENTS) return undefined;
      const properties = createStats();
      properties.fields = new Map();
      samples = { call, name: call === 'track' ? name : '', count: 0, properties, sites: [], moreSites: 0 };
      this.calls.set(key, samples);
    }
    return samples;
  }

  /** Counts one event as an SDK sends it (`{ type, event, properties | traits, ... }`). */
  addMessage(message: unknown): SkipReason | undefined {
    if (message === null || typeof message !== 'object' || Array.isArray(message)) return this.skip('not-an-object');
    const record = message as Record<string, unknown>;
    const type = record['type'];
    if (typeof type !== 'string') return this.skip('no-type');
    if (!CALLS.has(type)) return this.skip('other-call');
    const call = type as CallType;
    const event = record['event'];
    if (call === 'track' && (typeof event !== 'string' || event === '')) return this.skip('no-event-name');
    const samples = this.samplesOf(call, call === 'track' ? (event as string) : '');
    if (!samples) return this.skip('too-many-events');
    samples.count++;
    const data = call === 'identify' || call === 'group' ? record['traits'] : record['properties'];
    addJsonValue(samples.properties, data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}, this.limits);
    return undefined;
  }

  /** Notes where a sample came from (kept up to a bound). */
  addSite(samples: CallSamples, site: string): void {
    if (samples.sites.length < MAX_SITES) samples.sites.push(site);
    else samples.moreSites++;
  }

  private skip(reason: SkipReason): SkipReason {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
    return reason;
  }
}
