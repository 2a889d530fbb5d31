import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { hasErrors } from '../core/diagnostics.js';
import { ConfigError } from '../core/errors.js';
import type { PlanIR } from '../core/ir.js';
import type { Coverage } from '../core/lint-results.js';
import { listPlanCommits, loadPlanAtRef } from './git-plan.js';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The `coverage` object of a `trackplan lint --coverage --format json` file. A file that is not
 * that names itself and the JSON pointer of what is missing.
 */
export async function readCoverageFile(file: string, cwd: string): Promise<Coverage> {
  const text = await readFile(path.resolve(cwd, file), 'utf8').catch((error: Error) => {
    throw new ConfigError(`--coverage: cannot read ${file}: ${error.message}`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not JSON (${(error as Error).message}); expected the output of \`trackplan lint --coverage --format json\``);
  }
  const coverage = isObject(json) ? json['coverage'] : undefined;
  if (!isObject(coverage)) throw new ConfigError(`${file}: /coverage is missing; run \`trackplan lint --coverage --format json\` to make this file`);
  for (const key of ['events', 'unplanned', 'dynamic', 'sources'] as const) {
    if (!Array.isArray(coverage[key])) throw new ConfigError(`${file}: /coverage/${key} must be an array`);
  }
  if (!isObject(coverage['summary'])) throw new ConfigError(`${file}: /coverage/summary must be an object`);
  (coverage['events'] as unknown[]).forEach((event, i) => {
    if (!isObject(event) || typeof event['call'] !== 'string' || typeof event['name'] !== 'string' || !Array.isArray(event['callSites'])) {
      throw new ConfigError(`${file}: /coverage/events/${i} must have a call, a name and callSites`);
    }
  });
  return coverage as unknown as Coverage;
}

/** A violation record as read: an object with a `violations` array of objects that have a `type`. */
export type RawViolationRecord = Record<string, unknown> & { violations: { type: string }[] };

/**
 * Reads the violation records of NDJSON files (`validate --format json`, `serve --violations`,
 * the stream's violation records) line by line and hands each to `visit` without keeping them,
 * with the day the file was last written (for records that carry no time). A line that is not a
 * record is an input error naming the file and the line.
 */
export async function readViolationFiles(files: readonly string[], cwd: string, visit: (record: RawViolationRecord, fileDay: string) => void): Promise<void> {
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    const info = await stat(absolute).catch((error: Error) => {
      throw new ConfigError(`--violations: cannot read ${file}: ${error.message}`);
    });
    // Records of `validate` carry no time: they count on the day the file was written.
    const fileDay = info.mtime.toISOString().slice(0, 10);
    const lines = createInterface({ input: createReadStream(absolute, 'utf8'), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new ConfigError(`${file}: line ${n}: not JSON; expected one violation record per line`);
      }
      if (!isObject(record) || !Array.isArray(record['violations']) || !record['violations'].every((v) => isObject(v) && typeof v['type'] === 'string')) {
        throw new ConfigError(`${file}: line ${n}: not a violation record (expected { "type", "event", "violations": [{ "type", ... }] })`);
      }
      visit(record as RawViolationRecord, fileDay);
    }
  }
}

/** The browser build of minisearch, from its installed package (copied into the site, never fetched). */
export async function readSearchLibrary(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('minisearch');
  let dir = path.dirname(entry);
  while (path.basename(dir) !== 'minisearch' && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return readFile(path.join(dir, 'dist', 'umd', 'index.js'), 'utf8');
}

/** The plan as it was at one commit. */
export interface PlanVersion {
  /** Short commit id. */
  label: string;
  commit: string;
  /** ISO date of the commit. */
  date: string;
  subject: string;
  plan: PlanIR;
}

/**
 * The plan at each of the last `limit` commits that changed it, oldest first. Commits where the
 * plan does not load cleanly are left out (the catalog shows the versions that were valid).
 */
export async function readPlanHistory(planPath: string, limit: number, cwd: string): Promise<PlanVersion[]> {
  const commits = await listPlanCommits(planPath, limit, cwd);
  const snapshots: PlanVersion[] = [];
  for (const commit of commits.reverse()) {
    const loaded = await loadPlanAtRef(commit.commit, planPath, { cwd }).catch((error: unknown) => {
      if (error instanceof ConfigError) return undefined; // the plan was not there yet at that commit
      throw error;
    });
    if (!loaded?.plan || hasErrors(loaded.diagnostics)) continue;
    snapshots.push({ label: commit.commit.slice(0, 7), commit: commit.commit, date: commit.date, subject: commit.subject, plan: loaded.plan });
  }
  return snapshots;
}
