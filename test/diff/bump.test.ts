import { describe, expect, it } from 'vitest';
import { compareSemver, judgeBump, parseSemver } from '../../src/core/diff/bump.js';
import type { ChangeKind, PlanChange } from '../../src/core/diff/changes.js';

const changes = (...kinds: ChangeKind[]) => kinds.map((kind) => ({ kind }) as PlanChange);

describe('version bump verdicts', () => {
  it.each([
    // base, head, change kinds, expected, actual, messageId
    ['1.0.0', '2.0.0', ['breaking', 'docs'], 'major', 'major', 'bumpOk'],
    ['1.0.0', '1.1.0', ['breaking'], 'major', 'minor', 'bumpTooSmall'],
    ['1.4.2', '1.5.0', ['compatible', 'docs'], 'minor', 'minor', 'bumpOk'],
    ['1.4.2', '1.4.3', ['compatible'], 'minor', 'patch', 'bumpTooSmall'],
    ['1.4.2', '1.4.3', ['docs'], 'patch', 'patch', 'bumpOk'],
    ['1.4.2', '1.4.2', ['docs'], 'patch', 'none', 'bumpTooSmall'],
    ['1.4.2', '1.4.2', [], 'none', 'none', 'bumpOk'],
    ['1.4.2', '3.0.0', ['docs'], 'patch', 'major', 'bumpOk'],
    ['1.2.0', '1.1.9', [], 'none', 'backwards', 'versionBackwards'],
    ['1.0.0', '1.0.0-rc.1', ['breaking'], 'major', 'backwards', 'versionBackwards'],
    // 0.y.z: a minor bump may break, a patch may add (Cargo's reading of semver).
    ['0.3.0', '0.4.0', ['breaking'], 'minor', 'minor', 'bumpOk'],
    ['0.3.0', '0.3.1', ['breaking'], 'minor', 'patch', 'bumpTooSmall'],
    ['0.3.0', '0.3.1', ['compatible'], 'patch', 'patch', 'bumpOk'],
    // Pre-releases: moving on towards the same release is enough.
    ['2.0.0-rc.1', '2.0.0-rc.2', ['breaking'], 'major', 'prerelease', 'bumpOk'],
    ['2.0.0-rc.1', '2.0.0', ['breaking'], 'major', 'prerelease', 'bumpOk'],
    ['1.0.0', '2.0.0-rc.1', ['breaking'], 'major', 'major', 'bumpOk'],
    ['1.0.0+build.1', '1.0.0+build.2', [], 'none', 'none', 'bumpOk'],
  ] as const)('%s -> %s with %j needs %s, is %s: %s', (base, head, kinds, expected, actual, messageId) => {
    const verdict = judgeBump(base, head, changes(...kinds));
    expect([verdict.expected, verdict.actual, verdict.messageId, verdict.ok]).toEqual([expected, actual, messageId, messageId === 'bumpOk']);
  });

  it('says which version would do', () => {
    expect(judgeBump('1.4.2', '1.5.0', changes('breaking')).message).toBe('version 1.4.2 -> 1.5.0 is a minor bump, but the changes need a major bump (to 2.0.0 or later)');
    expect(judgeBump('1.4.2', '1.4.2', changes('compatible')).message).toBe('version 1.4.2 -> 1.4.2 is unchanged, but the changes need a minor bump (to 1.5.0 or later)');
    expect(judgeBump('1.4.2', '1.4.1', []).message).toBe('version goes backwards: 1.4.2 -> 1.4.1');
  });

  it('orders versions as Semantic Versioning 2.0.0 does', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'];
    const shuffled = [...ordered].reverse();
    expect(shuffled.sort((a, b) => compareSemver(parseSemver(a)!, parseSemver(b)!))).toEqual(ordered);
  });
});
