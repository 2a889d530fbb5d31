import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/index.js';
import type { Io } from '../../src/cli/io.js';
import { tempTree } from '../helpers/temp.js';

function capture(cwd: string): Io & { out: string; err: string } {
  const io = { out: '', err: '', cwd, color: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

const IGLU = (vendor: string, name: string, version: string, extra = '') =>
  `{\n  "$schema": "http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#",\n  "self": { "vendor": "${vendor}", "name": "${name}", "format": "jsonschema", "version": "${version}" },\n  "type": "object",\n  "properties": { "a": { "type": "string" } }${extra}\n}\n`;

const MPARTICLE_DUPLICATE = JSON.stringify({
  version: 1, data_plan_id: 'shop',
  version_document: { data_points: [
    { match: { type: 'custom_event', criteria: { event_name: 'Coupon Used', custom_event_type: 'other' } }, validator: { type: 'json_schema', definition: { properties: { data: { properties: {} } } } } },
    { match: { type: 'custom_event', criteria: { event_name: 'Coupon Used', custom_event_type: 'transaction' } }, validator: { type: 'json_schema', definition: { properties: { data: { properties: {} } } } } },
  ] },
}, null, 2);

const SEGMENT_HEADER = 'Version,Event Type,Event Name,Property Name,Description,Labels,Property Data Type,Enum Values\n';

interface Case {
  name: string;
  format: string;
  files: Record<string, string>;
  input: string;
  args?: string[];
  exit: 1 | 2;
  /** Text the error output (exit 2) or the warnings (exit 1) must hold: the place, then the reason. */
  says: string[];
}

const CASES: Case[] = [
  // Iglu
  { name: 'empty file', format: 'iglu', files: { 'a.json': '' }, input: 'a.json', exit: 2, says: ['a.json', 'the file is empty'] },
  { name: 'truncated JSON', format: 'iglu', files: { 'a.json': IGLU('com.acme', 'a', '1-0-0').slice(0, 120) }, input: 'a.json', exit: 2, says: ['a.json:', 'not valid JSON'] },
  { name: 'wrong format (an mParticle plan)', format: 'iglu', files: { 'plan.json': MPARTICLE_DUPLICATE }, input: 'plan.json', exit: 2, says: ['plan.json', 'it looks like mparticle (import it with `trackplan import mparticle`)'] },
  { name: 'bad SchemaVer', format: 'iglu', files: { 'a.json': IGLU('com.acme', 'a', '1.0.0') }, input: 'a.json', exit: 2, says: ['a.json:3:', 'self.version'] },
  {
    name: 'registry path and self disagree', format: 'iglu', input: 'reg',
    files: { 'reg/schemas/com.acme/a/jsonschema/1-0-0': IGLU('com.acme', 'b', '1-0-0') }, exit: 2, says: ['reg/schemas/com.acme/a/jsonschema/1-0-0:3:', 'registry path says com.acme/a/1-0-0'],
  },
  {
    name: 'duplicate event names across vendors', format: 'iglu', input: 'reg',
    files: { 'reg/schemas/com.acme/a/jsonschema/1-0-0': IGLU('com.acme', 'a', '1-0-0'), 'reg/schemas/com.other/a/jsonschema/1-0-0': IGLU('com.other', 'a', '1-0-0') },
    exit: 1, says: ['reg/schemas/com.other/a/jsonschema/1-0-0:3:', 'event "a" is defined again', 'reg/schemas/com.acme/a/jsonschema/1-0-0:3:'],
  },
  {
    name: 'a $ref cycle', format: 'iglu', input: 'a.json',
    files: { 'a.json': IGLU('com.acme', 'tree', '1-0-0', ',\n  "definitions": { "node": { "type": "object", "properties": { "child": { "$ref": "#/definitions/node" } } } },\n  "required": ["a"]').replace('"a": { "type": "string" }', '"a": { "$ref": "#/definitions/node" }') },
    exit: 1, says: ['a.json:', 'refers to itself'],
  },
  // mParticle
  { name: 'empty file', format: 'mparticle', files: { 'p.json': '  \n' }, input: 'p.json', exit: 2, says: ['p.json', 'the file is empty'] },
  { name: 'truncated JSON', format: 'mparticle', files: { 'p.json': MPARTICLE_DUPLICATE.slice(0, 200) }, input: 'p.json', exit: 2, says: ['p.json:', 'not valid JSON'] },
  { name: 'wrong format (an Iglu schema)', format: 'mparticle', files: { 'a.json': IGLU('com.acme', 'a', '1-0-0') }, input: 'a.json', exit: 2, says: ['a.json', 'it looks like iglu (import it with `trackplan import iglu`)'] },
  { name: 'not a data plan', format: 'mparticle', files: { 'p.json': '{ "name": "x" }' }, input: 'p.json', exit: 2, says: ['p.json:1:1', 'version_document.data_points'] },
  { name: 'not a schema', format: 'iglu', files: { 'a.json': '[1, 2]' }, input: 'a.json', exit: 2, says: ['a.json:1:1', 'not an Iglu schema'] },
  { name: 'duplicate event names', format: 'mparticle', files: { 'p.json': MPARTICLE_DUPLICATE }, input: 'p.json', exit: 1, says: ['p.json:26:', 'event "Coupon Used" is defined again', 'p.json:6:'] },
  // CSV
  { name: 'empty file', format: 'csv', files: { 'plan.csv': '' }, input: 'plan.csv', exit: 2, says: ['plan.csv', 'the file is empty'] },
  { name: 'wrong format (JSON)', format: 'csv', files: { 'plan.csv': MPARTICLE_DUPLICATE }, input: 'plan.csv', exit: 2, says: ['plan.csv', 'it looks like mparticle'] },
  { name: 'a header of no known set', format: 'csv', files: { 'plan.csv': 'name,kind\nA,b\n' }, input: 'plan.csv', exit: 2, says: ['plan.csv:1', 'matches no tracking-plan column set'] },
  {
    name: 'a missing required column', format: 'csv', input: 'plan.csv',
    files: { 'plan.csv': 'Version,Event Type,Event Name,Property Name,Description,Labels,Enum Values\n1,Track,A,,,,\n' }, args: ['--columns', 'segment'],
    exit: 2, says: ['plan.csv:1', 'needs the column "Property Data Type"'],
  },
  { name: 'an unknown column set', format: 'csv', files: { 'plan.csv': SEGMENT_HEADER }, input: 'plan.csv', args: ['--columns', 'mixpanel'], exit: 2, says: ['--columns', 'unknown column set "mixpanel"'] },
  { name: 'an unclosed quote', format: 'csv', files: { 'plan.csv': `${SEGMENT_HEADER}1,Track,A,x,"oops,,string,\n` }, input: 'plan.csv', exit: 2, says: ['plan.csv:2', 'a quoted field is not closed'] },
  {
    name: 'duplicate property rows', format: 'csv', input: 'plan.csv',
    files: { 'plan.csv': `${SEGMENT_HEADER}1,Track,A,,,,,\n1,Track,A,x,,,string,\n1,Track,A,x,,,int,\n` },
    exit: 1, says: ['plan.csv!D4', 'property "x" is defined again', 'plan.csv!D3'],
  },
  { name: 'an unknown data type', format: 'csv', files: { 'plan.csv': `${SEGMENT_HEADER}1,Track,A,x,,,strng,\n` }, input: 'plan.csv', exit: 1, says: ['plan.csv!G2', 'the value "strng" was skipped'] },
];

describe('bad input: exit 2 with the place and the reason, or a located warning; never a stack trace', () => {
  it.each(CASES)('$format: $name', async ({ format, files, input, args, exit, says }) => {
    const dir = await tempTree(files);
    const io = capture(dir);
    const code = await runCli(['import', format, input, '--out', 'imported', ...(args ?? [])], io);
    const text = exit === 2 ? io.err : io.out;
    expect({ code, text }).toMatchObject({ code: exit });
    for (const part of says) expect(text).toContain(part);
    expect(`${io.out}${io.err}`).not.toMatch(/^\s+at /m);
    // Nothing is written on exit 2.
    const written = await readdir(`${dir}/imported`).catch(() => []);
    expect(written.length > 0).toBe(exit === 1);
  });
});
