#!/usr/bin/env node
// Writes schema/plan-format.schema.json from src/core/format-schema.ts (after `npm run build`).
// A test fails when the committed file differs, so editors always get the format the loader reads.
import { writeFile } from 'node:fs/promises';
import { planFormatSchema } from '../dist/core/format-schema.js';

await writeFile(new URL('../schema/plan-format.schema.json', import.meta.url), `${JSON.stringify(planFormatSchema, null, 2)}\n`);
