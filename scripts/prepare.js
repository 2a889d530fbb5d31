#!/usr/bin/env node
// `prepare` runs after `npm ci` in a clone (build dist/ for `npm start` and the tests) and when npm
// installs trackplan from a git URL (with dev dependencies). When TypeScript is not installed
// (a local folder installed without its own `npm ci`), it must not fail the user's install:
// it says what to do instead. Packed tarballs ship dist/ built by `prepack`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  process.stderr.write('trackplan: TypeScript is not installed here, so dist/ was not built; run `npm ci` in the trackplan folder first\n');
  process.exit(0);
}
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
