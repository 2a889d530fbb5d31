/// <reference lib="dom" />
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's chromium, installed by .ci/run when missing. */
export const CHROMIUM = '/usr/bin/chromium';

export interface TestBrowser {
  context: BrowserContext;
  /** Every URL the pages asked for (navigation, scripts, styles, images, fetches). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Headless chromium with a fresh profile and no background networking. Any request that is not
 * `file:` is recorded and aborted, so a page that tries the network fails the test's check and
 * still never reaches out.
 */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'trackplan-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route(/^(?!file:)/, (route) => route.abort());
  return {
    context,
    requests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

let axeSource: string | undefined;

/** axe-core's violations of the given impacts on the page as it is now. */
export async function axeViolations(page: Page, impacts: readonly string[] = ['critical', 'serious']): Promise<{ id: string; impact: string; targets: string[] }[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', targets: v.nodes.map((n) => String(n.target[0])) }));
  });
  return found.filter((v) => impacts.includes(v.impact));
}
