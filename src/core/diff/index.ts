export { diffPlans, type PlanDiff } from './diff-plans.js';
export { judgeBump, requiredBump, versionMove, parseSemver, compareSemver, BUMP_MESSAGES, type Bump, type BumpVerdict, type VersionMove } from './bump.js';
export { CHANGES, type ChangeId, type ChangeKind, type PlanChange, type RenameHint } from './changes.js';
