/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '../../src/lint/coverage.js';
import type { ViolationRecord } from '../../src/runtime/types.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import type { PlanIR } from '../../src/core/ir.js';
import { axeViolations, launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { buildSiteWithCli, REPO } from '../helpers/catalog.js';

// Fixtures made with `trackplan lint examples --coverage --format json` and
// `trackplan validate examples/events.ndjson --format json` (see test/fixtures/catalog/README.md).
const COVERAGE_FILE = 'test/fixtures/catalog/lint-coverage.json';
const VIOLATIONS_FILE = 'test/fixtures/catalog/violations.ndjson';

let browser: TestBrowser;
let page: Page;
let site: string;
let plan: PlanIR;
let coverage: Coverage;
let records: ViolationRecord[];

const url = (relative: string) => pathToFileURL(path.join(site, relative)).href;
/** A call as the catalog names it: records without a type or event name count under `unknown` and `(no event name)`. */
const key = (call: string | null, name: string | null) => `${call ?? 'unknown'} ${call === 'track' ? (name ?? '(no event name)') : (call ?? 'unknown')}`;

beforeAll(async () => {
  site = await buildSiteWithCli(REPO, ['--plan', 'plans', '--coverage', COVERAGE_FILE, '--violations', VIOLATIONS_FILE, '--history', '0']);
  plan = (await loadPlan('plans', { cwd: REPO })).plan!;
  coverage = (JSON.parse(await readFile(path.join(REPO, COVERAGE_FILE), 'utf8')) as { coverage: Coverage }).coverage;
  records = (await readFile(path.join(REPO, VIOLATIONS_FILE), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as ViolationRecord);
  browser = await launchBrowser();
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('the example plan\'s catalog, opened from file://', () => {
  it('finds an event by a word of its description, opens it and shows its properties', async () => {
    await page.goto(url('index.html'));
    await page.fill('#search', 'milestone');
    const visible = await page.locator('#event-index tr[data-id]:visible th > .event-link').allTextContents();
    expect(visible).toEqual(['first_event_received']);
    await page.click('#event-index tr[data-id]:visible th > .event-link');
    expect(fileURLToPath(page.url())).toBe(path.join(site, 'events/track/first_event_received.html'));
    const event = plan.events.find((e) => e.name === 'first_event_received')!;
    const rows = await page.locator('#properties-table tbody tr[data-depth="0"]').evaluateAll((trs) => trs.map((tr) => ({
      name: tr.getAttribute('data-property'),
      required: tr.children[2]!.textContent!.trim(),
      type: tr.children[1]!.textContent!.trim(),
    })));
    expect(rows).toEqual(event.properties.map((p) => ({ name: p.name, required: p.required ? 'yes' : 'no', type: expect.stringContaining(p.type.join(' | ')) })));
  });

  it('filters by source, owner, status and personal data', async () => {
    await page.goto(url('index.html'));
    const shown = () => page.locator('#event-index tr[data-id]:visible th > .event-link').allTextContents();
    await page.selectOption('#filter-status', 'deprecated');
    expect(await shown()).toEqual(plan.events.filter((e) => e.status === 'deprecated').map((e) => e.name));
    await page.selectOption('#filter-status', '');
    await page.selectOption('#filter-owner', 'sales');
    expect((await shown()).sort()).toEqual(plan.events.filter((e) => e.owner === 'sales').map((e) => e.name).sort());
    await page.selectOption('#filter-owner', '');
    await page.selectOption('#filter-source', 'salesforce-webhook');
    expect((await shown()).sort()).toEqual(plan.events.filter((e) => e.sources.includes('salesforce-webhook')).map((e) => e.name).sort());
    await page.selectOption('#filter-pii', 'yes');
    expect((await shown()).length).toBeGreaterThan(0);
    expect(await shown()).toContain('identify');
  });

  it('follows a library property to the events that use it', async () => {
    await page.goto(url('events/track/form_submit.html'));
    await page.click('#properties-table tr[data-property="email"] a');
    expect(page.url()).toBe(`${url('library.html')}#property-email`);
    const users = await page.locator('#property-email .used-by .event-link').allTextContents();
    const expected = plan.events.filter((e) => e.properties.some((p) => p.name === 'email' && p.fromLibrary)).map((e) => (e.call === 'track' ? e.name : e.call));
    expect(users).toEqual(expected);
    await page.click('#property-email .used-by .event-link >> text=user_sign_up');
    expect(fileURLToPath(page.url())).toBe(path.join(site, 'events/track/user_sign_up.html'));
  });

  it('links every call site of the coverage file to the file it names', async () => {
    await page.goto(url('coverage.html'));
    for (const entry of coverage.events) {
      const row = page.locator(`#coverage-table tr[data-call="${entry.call}"][data-name="${entry.name}"]`);
      expect(await row.getAttribute('data-call-sites')).toBe(String(entry.callSites.length));
      const links = await row.locator('a.call-site').evaluateAll((as) => as.map((a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).href })));
      expect(links.map((l) => l.text)).toEqual(entry.callSites.map((s) => `${s.file}:${s.line}:${s.column}`));
      for (const [i, link] of links.entries()) {
        expect(fileURLToPath(link.href)).toBe(path.join(REPO, entry.callSites[i]!.file));
        expect(existsSync(fileURLToPath(link.href))).toBe(true);
      }
    }
    const unplanned = await page.locator('#unplanned-table tbody th').allTextContents();
    expect(unplanned).toEqual(coverage.unplanned.map((u) => u.name));
    await page.goto(url('events/track/form_submit.html'));
    const sites = coverage.events.find((e) => e.name === 'form_submit')!.callSites;
    expect(await page.locator('#coverage a.call-site').allTextContents()).toEqual(sites.map((s) => `${s.file}:${s.line}:${s.column}`));
  });

  it('counts the violation records of the fixture per call and per type', async () => {
    const perEvent = new Map<string, number>();
    const perType = new Map<string, number>();
    for (const record of records) {
      perEvent.set(key(record.type, record.event), (perEvent.get(key(record.type, record.event)) ?? 0) + 1);
      for (const v of record.violations) perType.set(v.type, (perType.get(v.type) ?? 0) + 1);
    }
    await page.goto(url('violations.html'));
    expect(await page.textContent('#violation-records')).toBe(String(records.length));
    const rows = await page.locator('#violations-by-event tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-call'), tr.getAttribute('data-name'), Number(tr.getAttribute('data-records'))] as const));
    expect(new Map(rows.map(([call, name, n]) => [`${call} ${name}`, n]))).toEqual(perEvent);
    const types = await page.locator('#violation-types tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-type'), Number(tr.children[1]!.textContent)]));
    expect(new Map(types as [string, number][])).toEqual(perType);
    const dayTotal = await page.locator('#violations-daily-data tbody td').evaluateAll((tds) => tds.reduce((n, td) => n + Number(td.textContent), 0));
    expect(dayTotal).toBe(records.length);
    await page.goto(url('events/track/form_submit.html'));
    expect(await page.getAttribute('#violations [data-violation-count]', 'data-violation-count')).toBe(String(perEvent.get(key('track', 'form_submit'))));
  });

  it('has no critical or serious accessibility violations (axe-core)', async () => {
    for (const target of ['index.html', 'events/track/form_submit.html', 'library.html', 'coverage.html', 'violations.html']) {
      await page.goto(url(target));
      expect({ target, violations: await axeViolations(page) }).toEqual({ target, violations: [] });
    }
  });

  it('made no request other than files of the site and the fixtures', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((r) => !r.startsWith('file:'))).toEqual([]);
  });

  it.runIf(process.env['TRACKPLAN_SCREENSHOTS'] === '1')('writes the README screenshots', async () => {
    const images = path.join(REPO, 'docs/images');
    await mkdir(images, { recursive: true });
    await page.goto(url('index.html'));
    await page.screenshot({ path: path.join(images, 'catalog-index.png') });
    await page.goto(url('events/track/form_submit.html'));
    await page.screenshot({ path: path.join(images, 'catalog-event.png'), fullPage: true });
  });
});
