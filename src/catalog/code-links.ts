import type { CallSite } from '../core/lint-results.js';
import { html, type SafeHtml } from './html.js';
import type { CodeLinks } from './context.js';
import { rootOf } from './paths.js';

/** Where a call site links: the code host's line when `--repo-url` is given, else the file relative to the page. */
export function codeHref(links: CodeLinks | undefined, file: string, line: number, page: string): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  if (links?.repoUrl) return `${links.repoUrl.replace(/\/+$/, '')}/${encoded}#L${line}`;
  const base = links?.fromSite ? `${links.fromSite.replace(/\/+$/, '')}/` : '';
  return `${rootOf(page)}${base}${encoded}`;
}

export function callSiteLink(links: CodeLinks | undefined, site: Pick<CallSite, 'file' | 'line' | 'column'>, page: string): SafeHtml {
  return html`<a class="call-site" href="${codeHref(links, site.file, site.line, page)}"><code>${site.file}:${site.line}:${site.column}</code></a>`;
}
