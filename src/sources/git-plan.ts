import { execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { ConfigError } from '../core/errors.js';
import type { LoadedPlan } from './load-plan.js';
import { loadPlanFiles, type PlanFileText } from './load-plan-files.js';

const run = promisify(execFile);
const YAML_FILE = /\.ya?ml$/i;

/** The commit a ref names, or undefined when it names none (or this is not a git repository). */
export async function resolveGitRef(ref: string, cwd: string): Promise<string | undefined> {
  // A ref that looks like an option is never passed to git as one.
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  try {
    const { stdout } = await run('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd });
    return stdout.trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError('git is not installed: a git ref cannot be read');
    return undefined;
  }
}

/**
 * Reads the plan at `planPath` (relative to `cwd`) as it is in commit `ref`, without checking it
 * out, and loads it as `loadPlan` does. File names in diagnostics are relative to `cwd`.
 */
export async function loadPlanAtRef(ref: string, planPath: string, options: { cwd?: string } = {}): Promise<LoadedPlan & { commit: string }> {
  const { files, commit } = await readPlanFilesAtRef(ref, planPath, options);
  return { ...loadPlanFiles(files), commit };
}

/**
 * The YAML files of the plan at `planPath` in commit `ref`: `git ls-tree` lists them, one
 * `git cat-file --batch` reads them all. Dot-folders and node_modules are skipped, as on disk.
 */
export async function readPlanFilesAtRef(ref: string, planPath: string, options: { cwd?: string } = {}): Promise<{ files: PlanFileText[]; commit: string }> {
  const cwd = options.cwd ?? process.cwd();
  const commit = await resolveGitRef(ref, cwd);
  if (!commit) throw new ConfigError(`not a git commit: ${ref}`);
  const listing = await run('git', ['ls-tree', '-r', '-z', commit, '--', planPath], { cwd, maxBuffer: 256 * 1024 * 1024 }).catch((error: { stderr?: string; message: string }) => {
    throw new ConfigError(`cannot list ${planPath} at ${ref}: ${(error.stderr ?? error.message).trim()}`);
  });
  const entries = listing.stdout.split('\0').filter(Boolean).flatMap((line) => {
    const tab = line.indexOf('\t');
    const [, type, object] = line.slice(0, tab).split(' ');
    return type === 'blob' && !line.startsWith('120000') ? [{ object: object!, file: line.slice(tab + 1) }] : [];
  });
  const wanted = path.posix.normalize(planPath.split(path.sep).join('/')).replace(/\/$/, '');
  const single = entries.find((e) => e.file === wanted);
  const root = single ? path.posix.dirname(wanted) : wanted;
  const found = (single ? [single] : entries).filter((e) => {
    const relative = path.posix.relative(root, e.file);
    return YAML_FILE.test(e.file) && !relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
  });
  if (found.length === 0) throw new ConfigError(`plan not found at ${ref}: ${planPath} has no *.yaml files in that commit`);
  const texts = await readBlobs(found.map((f) => f.object), cwd);
  const files = found
    .map((f, i) => ({ name: f.file, path: path.posix.relative(root, f.file), text: texts[i]! }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { files, commit };
}

/** Reads many blobs in one `git cat-file --batch` process: one spawn, whatever the plan's size. */
async function readBlobs(objects: string[], cwd: string): Promise<string[]> {
  const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new ConfigError(`git cat-file failed: ${stderr.trim()}`))));
  });
  child.stdin.end(objects.map((o) => `${o}\n`).join(''));
  await done;
  const output = Buffer.concat(chunks);
  const texts: string[] = [];
  let offset = 0;
  for (const object of objects) {
    const newline = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, newline).toString();
    const [sha, type, size] = header.split(' ');
    if (sha !== object || type !== 'blob' || size === undefined) throw new ConfigError(`git cat-file: unexpected answer for ${object}: ${header}`);
    const start = newline + 1;
    texts.push(output.subarray(start, start + Number(size)).toString('utf8'));
    offset = start + Number(size) + 1;
  }
  return texts;
}

/** One commit that changed the plan. */
export interface PlanCommit {
  commit: string;
  /** ISO 8601 commit date. */
  date: string;
  subject: string;
}

/**
 * The last `limit` commits that changed the files under `planPath`, newest first; none when `cwd`
 * is not in a git repository (a catalog built from an unpacked plan has no history).
 */
export async function listPlanCommits(planPath: string, limit: number, cwd: string): Promise<PlanCommit[]> {
  if (limit <= 0) return [];
  let stdout: string;
  try {
    ({ stdout } = await run('git', ['log', `-n${limit}`, '--format=%H%x09%cI%x09%s', '--', planPath], { cwd, maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConfigError('git is not installed: the plan\'s history cannot be read (use --history 0)');
    return []; // not a git repository, or a path git does not know: no history to show
  }
  return stdout.split('\n').filter(Boolean).map((line) => {
    const [commit, date, ...subject] = line.split('\t');
    return { commit: commit!, date: date!, subject: subject.join('\t') };
  });
}
