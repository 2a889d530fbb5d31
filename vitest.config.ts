import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes, not worker threads: the validator tests parse and check events nested
    // 10,000 levels deep (test/runtime/cli-validate.test.ts), which overflows the smaller stack
    // a worker thread gets, while a forked process has Node's full main-thread stack.
    pool: 'forks',
    // One process runs many test files: typescript, ts-morph and ajv are imported once per
    // worker instead of once per file (imports took ~40% of the suite's time). Test files keep
    // no module state that another file could see; test/setup.ts cleans up after each file.
    isolate: false,
    setupFiles: ['test/setup.ts'],
    unstubEnvs: true,
  },
});
