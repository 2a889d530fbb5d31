/// <reference lib="dom" />
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { buildSiteWithCli } from '../helpers/catalog.js';
import { tempTree } from '../helpers/temp.js';

const NAME = '"><img src=x onerror="window.__xss=1">';
const DESCRIPTION = 'Sent when <script>window.__xss=2</script> runs & "quotes" stay.';
const PLAN = {
  'plans/plan.yaml': `trackplan: 1
id: hostile
name: "Hostile <script>window.__xss=3</script> plan"
version: 1.0.0
sources:
  web: { name: "Web <img src=x onerror=window.__xss=4>", sdk: rudderstack-js }
`,
  'plans/types.yaml': `types:
  code: { type: string, pattern: "^</pre><script>window.__xss=5</script>$", description: "<b>bold</b>" }
properties:
  "<img src=y onerror=window.__xss=6>": { type: string, description: "<iframe src=javascript:window.__xss=7>" }
`,
  'plans/events.yaml': `events:
  ${JSON.stringify(NAME)}:
    description: ${JSON.stringify(DESCRIPTION)}
    owner: "<u onmouseover=window.__xss=8>team</u>"
    sources: [web]
    tags: ["<script>window.__xss=9</script>"]
    properties:
      kind: { type: string, enum: ["</td><script>window.__xss=10</script>", "a&b"] }
      code: { type: code }
      "<img src=y onerror=window.__xss=6>": {}
`,
};

let browser: TestBrowser;
let page: Page;
let site: string;
const url = (relative: string) => pathToFileURL(path.join(site, relative)).href;

beforeAll(async () => {
  const dir = await tempTree(PLAN);
  site = await buildSiteWithCli(dir, ['--history', '0']);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  // A script that ran would set window.__xss or open a dialog; both are watched.
  page.on('dialog', (dialog) => void dialog.dismiss());
});

afterAll(async () => {
  await browser?.close();
});

describe('HTML escaping in the catalog', () => {
  it.each([
    ['index.html'],
    ['events/track/img-src-x-onerror-window-__xss-1.html'],
    ['library.html'],
  ])('%s renders hostile plan text as text and runs none of it', async (target) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url(target));
    const state = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
      injected: document.querySelectorAll('main img, main iframe, main u, main b, body script:not([src])').length,
      text: document.body.textContent ?? '',
    }));
    expect({ xss: state.xss, injected: state.injected, errors }).toEqual({ xss: null, injected: 0, errors: [] });
    expect(state.text).toContain('Hostile <script>window.__xss=3</script> plan');
    if (target !== 'library.html') expect(state.text).toContain(NAME);
  });

  it('shows the event name, description, enum values and pattern exactly as planned', async () => {
    await page.goto(url('events/track/img-src-x-onerror-window-__xss-1.html'));
    expect(await page.textContent('h1')).toBe(NAME);
    expect(await page.textContent('p.lead')).toBe(DESCRIPTION);
    expect(await page.locator('#properties-table tr[data-property="kind"] .rules code').allTextContents()).toEqual(['"</td><script>window.__xss=10</script>"', '"a&b"']);
    expect(await page.locator('#properties-table tr[data-property="code"] .rules code').allTextContents()).toEqual(['^</pre><script>window.__xss=5</script>$']);
    expect(await page.locator('#properties-table tbody tr').count()).toBe(3);
  });

  it('finds the hostile event by search and filters by its owner', async () => {
    await page.goto(url('index.html'));
    await page.fill('#search', 'onerror');
    expect(await page.locator('#event-index tr[data-id]:visible th > .event-link').allTextContents()).toEqual([NAME]);
    await page.fill('#search', '');
    await page.selectOption('#filter-owner', '<u onmouseover=window.__xss=8>team</u>');
    expect(await page.locator('#event-index tr[data-id]:visible').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null)).toBeNull();
  });
});
