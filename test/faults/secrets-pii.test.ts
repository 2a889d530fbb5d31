import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRuntimePlan } from '../../src/core/compiled-plan.js';
import { startServer } from '../../src/runtime/http/server.js';
import { escapeSlackText, summarize } from '../../src/runtime/http/violations-webhook.js';
import { createRedactor } from '../../src/runtime/redact.js';
import { createValidator } from '../../src/runtime/validator.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';
import { get, identify, killChildren, PLAN_DIR, post, runBin, spawnServe, startUpstream, track, waitFor, type Upstream } from './helpers.js';

let upstream: Upstream;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => {
  killChildren();
  await upstream?.close();
});

// Defect 8: /health showed the --forward URL with user:password@ and the upstream's error body;
// logs printed credentials and the webhook URL; a failed dead-letter write logged the write key
// and the whole message.
describe('secrets stay out of /health, /metrics and logs', () => {
  it('a real serve with credentials in --forward and a secret webhook path', async () => {
    const spool = await tempTree({}, 'trackplan-secrets-');
    // The dead-letter file cannot be written: a folder stands in its place.
    await mkdir(path.join(spool, 'dead-letter.ndjson'), { recursive: true });
    upstream.respond = (request) => ({ status: request.text.includes('refuse-me') ? 400 : 200 });
    const forward = upstream.url.replace('http://', 'http://alice:s3cret-pass@');
    const served = await spawnServe([
      '--plan', PLAN_DIR, '--forward', forward, '--spool', spool, '--write-key', 'wk-SECRET-KEY', '--admin-port', '0',
      '--violations-webhook', 'http://127.0.0.1:9/services/T000/B000/hook-SECRET-PATH', '--webhook-interval', '0',
    ]);
    try {
      const admin = await waitFor(() => /\/health and \/metrics on (http:\/\/\S+)/.exec(served.stderr())?.[1], 'the admin URL');
      const message = { ...track('refuse-me', 'Order Completed', { order_id: 'x' }), context: { traits: { email: 'pii@example.com' } } };
      expect((await post(served.url, '/v1/track', message, { writeKey: 'wk-SECRET-KEY' })).status).toBe(200);
      expect((await post(served.url, '/v1/track', track('bad-1', 'Nope', {}), { writeKey: 'wk-SECRET-KEY' })).status).toBe(200);
      await waitFor(() => /could not be dead-lettered/.test(served.stderr()), 'the dead-letter failure to be logged');
      await waitFor(() => /violations webhook/.test(served.stderr()), 'the webhook failure to be logged');
      const health = await get(admin, '/health');
      const metrics = await get(admin, '/metrics');
      // On the ingestion port /health is not served when an admin port is given.
      expect((await get(served.url, '/health')).status).toBe(404);
      for (const text of [served.stderr(), health.text, metrics.text]) {
        // The messageId is named (to find the message); never its content, the key or credentials.
        expect(text).not.toMatch(/s3cret-pass|alice|wk-SECRET-KEY|hook-SECRET-PATH|pii@example\.com|Order Completed/);
      }
      expect(served.stderr()).toMatch(/forwarding to http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+\//);
      expect(served.stderr()).toMatch(/upstream refused message "refuse-me" for good \(HTTP 400\) and it could not be dead-lettered \(EISDIR\): lost/);
    } finally {
      upstream.respond = () => ({ status: 200 });
      served.process.kill('SIGTERM');
      await served.exited;
    }
  });
});

// Defect 9: event names reached the Slack webhook unescaped (`<!channel>` pinged the channel).
describe('webhook text', () => {
  it('escapes & < > in event names and types', () => {
    expect(escapeSlackText('<!channel> <https://evil.example|Click> & co')).toBe('&lt;!channel&gt; &lt;https://evil.example|Click&gt; &amp; co');
    const text = summarize({ since: 0, events: 1, dropped: 0, byType: new Map([['Unplanned-Event', new Map([['<!channel>', 1]])]]) }, 'p@1');
    expect(text).toContain('&lt;!channel&gt; ×1');
    expect(text).not.toContain('<!channel>');
  });
});

const PII_PLAN = `trackplan: 1
id: pii-test
name: PII test
version: 1.0.0
sources:
  web: { name: Web, sdk: rudderstack-js }
policy:
  other_violations: drop
identify:
  traits:
    email: { type: string, pii: true, required: true }
    plan: string
events:
  Signed Up:
    description: A user signed up.
    properties:
      phone: { type: string, pii: true }
      method: { type: string, enum: [email, google] }
      contacts: { type: array, items: { type: object, properties: { mail: { type: string, pii: true } } } }
`;

describe('--redact-pii', () => {
  it('serve: hashes or drops PII in what it forwards, never writes it to a violation record', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': PII_PLAN });
    const { plan } = await loadPlan(path.join(dir, 'plans'));
    const compiled = compileRuntimePlan(plan!);
    for (const mode of ['hash', 'drop', 'keep'] as const) {
      const output: string[] = [];
      const violations = path.join(dir, `violations-${mode}.ndjson`);
      const server = await startServer({
        validator: createValidator(compiled), port: 0, output: (text) => output.push(text), violationsFile: violations,
        pii: { redactor: createRedactor(compiled), mode },
      });
      try {
        expect((await post(server.url, '/v1/identify', identify(`i-${mode}`, { email: 'pii@example.com', plan: 'pro' }))).status).toBe(200);
        expect((await post(server.url, '/v1/track', track(`t-${mode}`, 'Signed Up', { phone: '+15550100', contacts: [{ mail: 'c@example.com' }] }))).status).toBe(200);
        expect((await post(server.url, '/v1/track', track(`d-${mode}`, 'Signed Up', { phone: '+15550199', method: 'fax' }))).status).toBe(200);
      } finally {
        await server.close();
      }
      const [identified, tracked] = output.join('').trim().split('\n').map((line) => JSON.parse(line) as Record<string, Record<string, unknown>>);
      const records = await readFile(violations, 'utf8');
      expect(records).toContain(`"d-${mode}"`);
      expect(records).not.toContain('+15550199');
      if (mode === 'keep') {
        expect(identified!['traits']).toEqual({ email: 'pii@example.com', plan: 'pro' });
        continue;
      }
      const hashed = (value: unknown) => typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value);
      if (mode === 'hash') {
        expect(hashed(identified!['traits']!['email']) && identified!['traits']!['plan'] === 'pro').toBe(true);
        expect(hashed(tracked!['properties']!['phone'])).toBe(true);
        expect(hashed((tracked!['properties']!['contacts'] as { mail: string }[])[0]!.mail)).toBe(true);
      } else {
        expect(identified!['traits']).toEqual({ plan: 'pro' });
        expect(tracked!['properties']).toEqual({ contacts: [{}] });
      }
    }
  });

  it('validate --out: the same redaction, and records without PII values', async () => {
    const dir = await tempTree({ 'plans/plan.yaml': PII_PLAN });
    const events = [
      JSON.stringify(identify('i-1', { email: 'pii@example.com', plan: 'pro' })),
      JSON.stringify(track('d-1', 'Signed Up', { phone: '+15550199', method: 'fax' })),
    ].join('\n');
    const run = await runBin(['validate', '-', '--plan', 'plans', '--format', 'json', '--out', 'out.ndjson', '--redact-pii', 'drop'], { cwd: dir, input: `${events}\n` });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"d-1"');
    expect(run.stdout).not.toContain('+15550199');
    expect(JSON.parse(await readFile(path.join(dir, 'out.ndjson'), 'utf8'))).toMatchObject({ messageId: 'i-1', traits: { plan: 'pro' } });
    expect(await readFile(path.join(dir, 'out.ndjson'), 'utf8')).not.toContain('pii@example.com');
  });
});
