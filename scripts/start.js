#!/usr/bin/env node
// `npm start`: the tour of trackplan on the example plan in plans/. Each step prints what it found;
// steps that report findings on purpose (the example app and events hold mistakes) do not stop the tour.
import { spawnSync } from 'node:child_process';

const steps = [
  { title: 'Build the example plan into generated/', args: ['build'], expect: [0] },
  { title: 'Check the plan', args: ['check'], expect: [0] },
  { title: 'Review plan changes since the last commit (classified, version bump checked)', args: ['diff', 'HEAD'], expect: [0] },
  { title: 'Lint the example app\'s analytics calls (some wrong on purpose)', args: ['lint', 'examples/app', '--coverage'], expect: [1] },
  { title: 'Validate sample events (some wrong on purpose)', args: ['validate', 'examples/events.ndjson'], expect: [1] },
  { title: 'Lay the plan out as the Google Sheet template (dry run: nothing is written)', args: ['sheets', 'push', '--to-csv', 'sheet-export', '--dry-run'], expect: [0] },
];

let failed = false;
for (const step of steps) {
  process.stdout.write(`\n=== ${step.title}: trackplan ${step.args.join(' ')}\n`);
  const result = spawnSync(process.execPath, ['bin/trackplan.js', ...step.args], { stdio: 'inherit' });
  const code = result.status ?? 2;
  process.stdout.write(`--- exit code ${code}${step.expect.includes(code) ? '' : ' (unexpected)'}\n`);
  if (!step.expect.includes(code)) failed = true;
}
process.exitCode = failed ? 1 : 0;
