import { createCompilers } from '../runtime/ajv.js';
import { clientScript } from './client-script.js';
import { createContext, type CatalogInput } from './context.js';
import { renderChangelogPage } from './changelog-page.js';
import { renderCoveragePage } from './coverage-page.js';
import { renderEventPage, type PageWarning } from './event-page.js';
import { renderIndexPage } from './index-page.js';
import { siteNotice } from './layout.js';
import { renderLibraryPage } from './library-page.js';
import { eventPagePath } from './paths.js';
import { buildSearchIndexScript } from './search-index.js';
import { STYLES } from './styles.js';
import { renderViolationsPage } from './violations-page.js';

export type { CatalogInput, CodeLinks } from './context.js';
export type { PageWarning } from './event-page.js';

export interface Catalog {
  /** The site's files by path from its root; every one carries the generated-file marker. */
  files: Map<string, string>;
  warnings: PageWarning[];
}

/**
 * The static catalog site of a plan: pure, data in (plan, coverage, violation counts, history),
 * file contents out, byte-deterministic for the same input.
 */
export function buildCatalog(input: CatalogInput): Catalog {
  const ctx = createContext(input);
  const notice = siteNotice(input.plan);
  const compilers = createCompilers('full');
  const warnings: PageWarning[] = [];
  const files = new Map<string, string>([
    ['index.html', renderIndexPage(ctx)],
    ['library.html', renderLibraryPage(ctx)],
    ['coverage.html', renderCoveragePage(ctx)],
    ['violations.html', renderViolationsPage(ctx)],
    ['changelog.html', renderChangelogPage(ctx)],
    ['assets/style.css', `/* ${notice} */\n${STYLES}`],
    ['assets/catalog.js', clientScript(notice)],
    ['assets/search-index.js', buildSearchIndexScript(input.plan.events, notice)],
    ['assets/minisearch.js', `/* ${notice} The browser build of minisearch (MIT license, https://github.com/lucaong/minisearch). */\n${input.searchLibrary}`],
  ]);
  for (const event of input.plan.events) files.set(eventPagePath(event), renderEventPage(ctx, event, compilers, warnings));
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), warnings };
}
