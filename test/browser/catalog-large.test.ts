/// <reference lib="dom" />
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { buildSiteWithCli } from '../helpers/catalog.js';
import { largePlanFiles, wordOf } from '../helpers/large-plan.js';
import { tempTree } from '../helpers/temp.js';

const EVENTS = 1000;
let browser: TestBrowser;
let page: Page;
const timings: string[] = [];

beforeAll(async () => {
  const site = await buildSiteWithCli(await tempTree(largePlanFiles(EVENTS)), ['--history', '0']);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(pathToFileURL(path.join(site, 'index.html')).href);
}, 120_000);

afterAll(async () => {
  if (process.env['TRACKPLAN_TIMINGS'] === '1') console.log(timings.join('\n'));
  await browser?.close();
});

/** Types the query into the search box and measures, in the page, until the table has been laid out again. */
async function timeSearch(query: string): Promise<{ ms: number; shown: string[] }> {
  return page.evaluate((q) => {
    const input = document.getElementById('search') as HTMLInputElement;
    const started = performance.now();
    input.value = q;
    input.dispatchEvent(new Event('input'));
    void document.body.offsetHeight; // force style and layout: the answer is on screen
    const ms = performance.now() - started;
    const shown = [...document.querySelectorAll<HTMLTableRowElement>('#event-index tr[data-id]')].filter((tr) => !tr.hidden).map((tr) => tr.querySelector('th > a')!.textContent!);
    return { ms, shown };
  }, query);
}

describe(`the catalog of a ${EVENTS}-event plan`, () => {
  it('lists every event on the index', async () => {
    expect(await page.locator('#event-index tr[data-id]').count()).toBe(EVENTS);
  });

  it.each([
    ['an exact name', 'event_417', (name: string) => name === 'event_417', 1],
    ['a word of the descriptions', wordOf(3), (name: string) => Number(name.slice(6)) % 20 === 3, EVENTS / 20],
    ['a prefix with a typo', 'webhok', (name: string) => Number(name.slice(6)) % 20 === 2, EVENTS / 20],
    ['a property name', 'prop_7', () => true, EVENTS],
    ['no match', 'zzzzqqq', () => false, 0],
  ])('answers a search for %s in under 100 ms', async (_what, query, expected, count) => {
    await timeSearch('');
    const { ms, shown } = await timeSearch(query);
    expect(shown.length).toBe(count);
    expect(shown.every(expected)).toBe(true);
    expect(ms, `${ms.toFixed(1)} ms`).toBeLessThan(100);
    timings.push(`${query}: ${ms.toFixed(1)} ms`);
  });
});
