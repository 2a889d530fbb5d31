import type { ChangeKind, PlanChange } from './changes.js';

/** The size of a version change under semver, or none. */
export type Bump = 'none' | 'patch' | 'minor' | 'major';
/** What the version did between base and head. */
export type VersionMove = Bump | 'prerelease' | 'backwards';

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const BUMP_OF: Record<ChangeKind, Bump> = { breaking: 'major', compatible: 'minor', docs: 'patch' };

interface Semver {
  core: [number, number, number];
  prerelease: (string | number)[];
}

export function parseSemver(version: string): Semver | undefined {
  const match = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(version);
  if (!match) return undefined;
  const prerelease = match[4] ? match[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  return { core: [Number(match[1]), Number(match[2]), Number(match[3])], prerelease };
}

/** Semantic Versioning 2.0.0 precedence (build metadata ignored). */
export function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i]! - b.core[i]!;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** The bump the changes need: major for breaking, minor for compatible, patch for docs. */
export function requiredBump(changes: readonly PlanChange[]): Bump {
  return changes.reduce<Bump>((max, c) => (RANK[BUMP_OF[c.kind]] > RANK[max] ? BUMP_OF[c.kind] : max), 'none');
}

export function versionMove(base: string, head: string): VersionMove | undefined {
  const a = parseSemver(base);
  const b = parseSemver(head);
  if (!a || !b) return undefined;
  const order = compareSemver(a, b);
  if (order > 0) return 'backwards';
  if (order === 0) return 'none';
  if (b.core[0] > a.core[0]) return 'major';
  if (b.core[1] > a.core[1]) return 'minor';
  if (b.core[2] > a.core[2]) return 'patch';
  return 'prerelease';
}

/** Whether a plan's version change is as large as its changes need. */
export interface BumpVerdict {
  /** What the changes need by their classes. */
  required: Bump;
  /** The same, read for 0.y.z versions, where a minor bump may break and a patch may add (Cargo's rule). */
  expected: Bump;
  /** How the version moved from base to head. */
  actual: VersionMove;
  /** True when the version moved at least as far as `expected`. */
  ok: boolean;
  /** The verdict as a stable id. */
  messageId: 'bumpOk' | 'bumpTooSmall' | 'versionBackwards';
  /** The verdict for people. */
  message: string;
}

export const BUMP_MESSAGES = {
  bumpOk: 'version {base} -> {head} ({actual}) covers the changes (they need {expected})',
  noBumpNeeded: 'version {base} -> {head}: no change needs a version bump',
  bumpTooSmall: 'version {base} -> {head} is {actualText}, but the changes need a {expected} bump (to {suggestion} or later)',
  versionBackwards: 'version goes backwards: {base} -> {head}',
} as const;

/** Judges the head version against the base version and the changes between them. */
export function judgeBump(base: string, head: string, changes: readonly PlanChange[]): BumpVerdict {
  const required = requiredBump(changes);
  const baseVersion = parseSemver(base);
  const initial = baseVersion?.core[0] === 0;
  const expected: Bump = !initial ? required : required === 'major' ? 'minor' : required === 'none' ? 'none' : 'patch';
  const actual = versionMove(base, head) ?? 'backwards';
  const fill = (template: string, data: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => data[k] ?? '');
  const data = { base, head, actual, expected, actualText: actual === 'none' ? 'unchanged' : `a ${actual} bump`, suggestion: baseVersion ? suggest(baseVersion, expected) : '' };
  if (actual === 'backwards') return { required, expected, actual, ok: false, messageId: 'versionBackwards', message: fill(BUMP_MESSAGES.versionBackwards, data) };
  // From a pre-release, any later version of the same release (2.0.0-rc.1 -> 2.0.0-rc.2 or 2.0.0) is accepted.
  const fromPrerelease = actual === 'prerelease' && (baseVersion?.prerelease.length ?? 0) > 0;
  const ok = fromPrerelease || (actual !== 'prerelease' && RANK[actual] >= RANK[expected]) || expected === 'none';
  const template = !ok ? BUMP_MESSAGES.bumpTooSmall : expected === 'none' ? BUMP_MESSAGES.noBumpNeeded : BUMP_MESSAGES.bumpOk;
  return { required, expected, actual, ok, messageId: ok ? 'bumpOk' : 'bumpTooSmall', message: fill(template, data) };
}

function suggest(version: Semver, bump: Bump): string {
  const [major, minor, patch] = version.core;
  const release = version.prerelease.length > 0;
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return release ? `${major}.${minor}.${patch}` : `${major}.${minor}.${patch + 1}`;
  return `${major}.${minor}.${patch}`;
}
