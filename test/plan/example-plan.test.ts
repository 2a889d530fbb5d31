import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileOutputs } from '../../src/app/compile.js';
import { planFormatSchema } from '../../src/core/format-schema.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { checkOutput } from '../../src/sources/output.js';
import { strictAjv } from '../helpers/ajv.js';

const root = path.join(import.meta.dirname, '../..');

async function examplePlan() {
  const { plan, diagnostics } = await loadPlan('plans', { cwd: root });
  expect(diagnostics).toEqual([]);
  return plan!;
}

describe('the example plan (RudderStack funnel)', () => {
  it('loads without diagnostics and plans the funnel of the seed', async () => {
    const plan = await examplePlan();
    expect(plan.id).toBe('rudderstack-funnel');
    expect(plan.sources.map((s) => s.id)).toEqual(['marketing-site', 'basin-inbound', 'app', 'app-signup', 'salesforce-webhook']);
    const names = plan.events.map((e) => `${e.call}:${e.name}`);
    for (const expected of ['page:page', 'track:form_submit', 'track:user_sign_up', 'identify:identify', 'track:connection_created', 'track:event_volume_reported', 'track:opportunity_stage_changed', 'group:group']) {
      expect(names).toContain(expected);
    }
    const identify = plan.events.find((e) => e.call === 'identify')!;
    expect(identify.properties.find((p) => p.name === 'email')).toMatchObject({ pii: true, required: true, format: 'email' });
  });

  it('has its build committed in generated/, up to date', async () => {
    const files = (await compileOutputs(await examplePlan())).files;
    expect(await checkOutput(path.join(root, 'generated'), files)).toEqual({ stale: [], extra: [] });
  });

  it('compiles every committed schema under ajv strict mode and tells good events from bad', async () => {
    const ajv = strictAjv();
    const dir = path.join(root, 'generated/schemas');
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    const validators = new Map<string, ReturnType<typeof ajv.compile>>();
    for (const file of files) validators.set(file.split(path.sep).join('/'), ajv.compile(JSON.parse(await readFile(path.join(dir, file), 'utf8')) as object));
    const formSubmit = validators.get('track/form_submit.json')!;
    const good = { type: 'track', event: 'form_submit', anonymousId: 'a1', properties: { form_id: 'request-demo', email: 'ada@example.com', utm_campaign: 'q4' } };
    expect(formSubmit(good)).toBe(true);
    expect(formSubmit({ ...good, properties: { form_id: 'request-demo' } })).toBe(false);
    expect(formSubmit({ ...good, properties: { ...good.properties, email: 'nope' } })).toBe(false);
    expect(formSubmit({ ...good, properties: { ...good.properties, utm_campaign: 7 } })).toBe(false);
    expect(formSubmit({ ...good, properties: { ...good.properties, coupon: 'x' } })).toBe(false);
    const identify = validators.get('identify/identify.json')!;
    expect(identify({ type: 'identify', userId: 'u', traits: { email: 'ada@example.com', opportunity_stage: null } })).toBe(true);
    expect(identify({ type: 'identify', userId: 'u', traits: { email: 'ada@example.com', opportunity_stage: 'Won' } })).toBe(false);
    const page = validators.get('page/page.json')!;
    expect(page({ type: 'page', properties: { path: '/pricing', url: 'https://rudderstack.com/pricing' } })).toBe(true);
    expect(page({ type: 'page', properties: { url: 'https://rudderstack.com/' } })).toBe(false);
  });

  it('passes the published format schema, file by file', async () => {
    const ajv = strictAjv();
    const validate = ajv.compile(JSON.parse(await readFile(path.join(root, 'schema/plan-format.schema.json'), 'utf8')) as object);
    const dir = path.join(root, 'plans');
    for (const file of (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.yaml'))) {
      const doc: unknown = parse(await readFile(path.join(dir, file), 'utf8'));
      expect(validate(doc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

describe('the published plan format schema', () => {
  it('is the one the loader reads its keys from', async () => {
    const committed: unknown = JSON.parse(await readFile(path.join(root, 'schema/plan-format.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(planFormatSchema)));
  });

  it('rejects what the loader rejects: an unknown key and a bad shorthand', () => {
    const validate = strictAjv().compile(planFormatSchema as object);
    expect(validate({ events: { a: { descripton: 'x' } } })).toBe(false);
    expect(validate({ events: { a: { properties: { p: 3 } } } })).toBe(false);
    expect(validate({ events: { a: { properties: { p: 'string', q: null, r: { type: ['string', 'null'] } } } } })).toBe(true);
  });
});
