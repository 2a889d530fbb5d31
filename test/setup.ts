import { afterAll } from 'vitest';
import { removeTempTrees } from './helpers/temp.js';

// Runs before each test file. With `isolate: false` a helper module is evaluated once per worker
// process, so per-file cleanup is registered here rather than in the helper itself.
afterAll(removeTempTrees);
