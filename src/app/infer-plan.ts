import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { draftCalls, type DraftedCall } from '../core/infer/draft-plan.js';
import { detectConvention } from '../core/infer/naming.js';
import { SampleSet, type CallSamples, type SkipReason } from '../core/infer/sample-set.js';
import type { InferLimits } from '../core/infer/value-stats.js';
import { planIdFrom } from '../core/init/detect.js';
import { draftHeader } from '../core/init/templates.js';
import type { PlanIR } from '../core/ir.js';
import type { DynamicCall } from '../lint/infer-samples.js';
import type { NdjsonInput } from '../runtime/ndjson-input.js';
import { draftPlanFiles, type DraftFiles } from '../sources/draft-plan-files.js';
import { loadPlan } from '../sources/load-plan.js';
import { loadPlanFiles } from '../sources/load-plan-files.js';
import { projectSources, readPackageJson } from '../sources/project-info.js';
import { writePlanFolder } from '../sources/sheets/write-plan-folder.js';
import { readEventSamples, type EventsRead } from './infer-events.js';

/** Where the samples come from: the calls of code, or recorded events. */
export type InferSource =
  | { kind: 'code'; paths: string[]; receiver?: string[] | undefined; call?: string[] | undefined; typeCheck?: boolean | undefined; tsconfig?: string | undefined }
  | { kind: 'events'; input: NdjsonInput; maxEventBytes: number; onProgress?: (progress: { bytes: number; lines: number }) => void };

export interface InferRequest {
  cwd: string;
  /** The plan folder, relative to `cwd`. */
  planDir: string;
  /** Add new properties to planned calls and report disagreements. */
  merge: boolean;
  limits: InferLimits;
  source: InferSource;
}

export type InferResult =
  | { ok: false; diagnostics: Diagnostic[] }
  | { ok: true; calls: DraftedCall[]; draft: DraftFiles; dynamic: DynamicCall[]; read: EventsRead | undefined; skipped: ReadonlyMap<SkipReason, number> };

/**
 * `trackplan infer` as a use case: samples from code or events, drafted calls, and the plan files
 * they make in the folder (nothing written yet). `ok: false` when the folder's plan has errors.
 * A draft that would not load as a plan is an internal error.
 */
export async function inferPlan(request: InferRequest): Promise<InferResult> {
  const dir = path.resolve(request.cwd, request.planDir);
  const existing = await loadExisting(dir, request.planDir, request.cwd);
  if ('diagnostics' in existing) return { ok: false, diagnostics: existing.diagnostics };
  const { source } = request;
  let set: SampleSet;
  let dynamic: DynamicCall[] = [];
  let read: EventsRead | undefined;
  if (source.kind === 'code') {
    // The code scanner (the TypeScript compiler) loads only for this path.
    ({ set, dynamic } = await (await import('./sample-code.js')).sampleCode(request.cwd, source.paths, existing.plan, request.limits, source));
  } else {
    set = new SampleSet(request.limits);
    read = await readEventSamples(source.input, set, { maxEventBytes: source.maxEventBytes, ...(source.onProgress ? { onProgress: source.onProgress } : {}) });
  }
  const fromCode = source.kind === 'code';
  const describe = (s: CallSamples) => fromCode
    ? [`drafted by trackplan infer from ${s.count} call site${s.count === 1 ? '' : 's'}: ${s.sites.join(', ')}${s.moreSites > 0 ? ` and ${s.moreSites} more` : ''}`]
    : [`drafted by trackplan infer from ${s.count.toLocaleString('en-US')} event${s.count === 1 ? '' : 's'}`];
  const calls = draftCalls(set, fromCode, describe);
  const draft = await draftPlanFiles({ dir, cwd: request.cwd, calls, existing: existing.plan, merge: request.merge, header: await headerFor(request.cwd, calls) });
  const check = loadPlanFiles([...draft.files].map(([name, text]) => ({ name: path.posix.join(request.planDir, name), text, path: name })));
  if (!check.plan || hasErrors(check.diagnostics)) {
    throw new Error(`the drafted plan does not load (${check.diagnostics.map((d) => d.message).join('; ')}); nothing was written`);
  }
  return { ok: true, calls, draft, dynamic, read, skipped: set.skipped };
}

/** Writes the draft's plan files into the folder, all at once. */
export async function writeDraft(request: Pick<InferRequest, 'cwd' | 'planDir'>, draft: DraftFiles): Promise<void> {
  if (draft.changed.length > 0) await writePlanFolder(path.resolve(request.cwd, request.planDir), draft.files, request.cwd);
}

/** The folder's plan; no plan when it has no plan files yet; its diagnostics when it has errors. */
async function loadExisting(dir: string, planDir: string, cwd: string): Promise<{ plan: PlanIR | undefined } | { diagnostics: Diagnostic[] }> {
  const entries = await readdir(dir, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  if (!entries.some((entry) => /\.ya?ml$/i.test(entry) && !entry.split(/[\\/]/).some((part) => part.startsWith('.')))) return { plan: undefined };
  const { plan, diagnostics } = await loadPlan(planDir, { cwd });
  return !plan || hasErrors(diagnostics) ? { diagnostics } : { plan };
}

/** The header of a new plan: named after the project, its SDKs as sources, the naming conventions of the draft. */
async function headerFor(cwd: string, calls: readonly DraftedCall[]): Promise<Record<string, unknown>> {
  const pkg = await readPackageJson(cwd);
  const id = planIdFrom(pkg?.json['name'] as string | undefined);
  const properties = calls.flatMap((c) => Object.keys((c.definition['properties'] ?? c.definition['traits'] ?? {}) as object));
  return draftHeader({
    id, name: `${id} tracking plan`, sources: projectSources(pkg?.json),
    events: detectConvention(calls.filter((c) => c.call === 'track').map((c) => c.name)),
    properties: detectConvention(properties),
  });
}
