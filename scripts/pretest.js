#!/usr/bin/env node
// Before `vitest`: build dist/ and check the API report against it, while the tests are
// type-checked alongside (the two chains share nothing, so on two cores they run side by side).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('exit', (code, signal) => resolve(code === 0 && signal === null));
  });
}

const [built, typed] = await Promise.all([
  run([tsc, '-p', 'tsconfig.build.json']).then((ok) => ok && run(['scripts/api-report.js'])),
  run([tsc, '-p', 'tsconfig.test.json']),
]);
if (!built || !typed) process.exitCode = 1;
