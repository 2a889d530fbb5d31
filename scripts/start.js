#!/usr/bin/env node
// `npm start`: the tour of trackplan on the example plan in plans/. Each step prints what it found;
// steps that report findings on purpose (the example app and events hold mistakes) do not stop the tour.
import { spawnSync } from 'node:child_process';

const steps = [
  { title: 'Build the example plan into generated/', args: ['build'], expect: [0] },
  { title: 'Check the plan', args: ['check'], expect: [0] },
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
