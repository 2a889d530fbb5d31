import http from 'node:http';
import https from 'node:https';
import type { ValidationResult } from '../types.js';
import { maskUrl } from './mask-url.js';

export interface WebhookOptions {
  url: string;
  /** At most one post per this many ms; violations in between are summed up. Default 60 s. */
  intervalMs?: number;
  /** Names the plan in the summary: `id@version`. */
  plan: string;
  log?: (text: string) => void;
  onPost?: (ok: boolean) => void;
  now?: () => number;
}

export interface SummaryWindow {
  since: number;
  events: number;
  dropped: number;
  byType: Map<string, Map<string, number>>;
}

/**
 * Posts a short text summary of violations to a Slack-compatible incoming webhook (`{"text"}`),
 * rate-limited: the first violations go out at once, later ones are summed for the interval.
 * A failed post is logged and counted, not retried: the violations file holds the full record.
 */
export class ViolationsWebhook {
  private window: SummaryWindow | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastPost = Number.NEGATIVE_INFINITY;
  private posting: Promise<void> = Promise.resolve();
  private readonly intervalMs: number;

  constructor(private readonly options: WebhookOptions) {
    this.intervalMs = options.intervalMs ?? 60_000;
  }

  add(results: readonly ValidationResult[]): void {
    const window = (this.window ??= { since: this.now(), events: 0, dropped: 0, byType: new Map() });
    for (const result of results) {
      window.events++;
      if (result.outcome === 'dropped') window.dropped++;
      const types = new Set(result.violations.map((violation) => violation.type));
      for (const type of types) {
        const events = window.byType.get(type) ?? new Map<string, number>();
        const name = result.event ?? result.call ?? '(no event)';
        events.set(name, (events.get(name) ?? 0) + 1);
        window.byType.set(type, events);
      }
    }
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), Math.max(0, this.lastPost + this.intervalMs - this.now()));
      this.timer.unref();
    }
  }

  /** Sends what is pending now (used at shutdown) and waits for the post. */
  async close(): Promise<void> {
    if (this.timer) this.flush();
    await this.posting;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const window = this.window;
    this.window = undefined;
    if (!window) return;
    this.lastPost = this.now();
    const text = summarize(window, this.options.plan);
    this.posting = this.posting.then(() => this.post(text));
  }

  private async post(text: string): Promise<void> {
    const ok = await postJson(this.options.url, { text });
    this.options.onPost?.(ok === true);
    // The webhook URL is itself a secret (anyone with it can post to the channel): never printed whole.
    if (ok !== true) this.options.log?.(`violations webhook ${maskUrl(this.options.url, true)}: ${ok}`);
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

/** The summary text: the totals, then each violation type with its worst events first. */
export function summarize(window: SummaryWindow, plan: string): string {
  const since = new Date(window.since).toISOString().replace(/\.\d+Z$/, 'Z');
  const head = `trackplan: ${window.events} event${window.events === 1 ? '' : 's'} with violations of ${plan} since ${since}${window.dropped ? ` (${window.dropped} dropped)` : ''}`;
  const lines = [...window.byType]
    .map(([type, events]) => ({ type, total: [...events.values()].reduce((a, b) => a + b, 0), events }))
    .sort((a, b) => b.total - a.total || a.type.localeCompare(b.type))
    .map(({ type, total, events }) => {
      const worst = [...events].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      // Event names come from clients: escaped, so `<!channel>` or `<https://...|link>` stay text.
      const shown = worst.slice(0, 5).map(([name, count]) => `${escapeSlackText(name)} ×${count}`).join(', ');
      return `• ${escapeSlackText(type)} ×${total}: ${shown}${worst.length > 5 ? `, and ${worst.length - 5} more` : ''}`;
    });
  return [head, ...lines].join('\n');
}

/** Slack's escaping for message text: `&`, `<` and `>` are its control characters. */
export function escapeSlackText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function postJson(url: string, body: unknown): Promise<true | string> {
  const payload = Buffer.from(JSON.stringify(body));
  const request = url.startsWith('https:') ? https.request : http.request;
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', timeout: 10_000, headers: { 'Content-Type': 'application/json', 'Content-Length': payload.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode !== undefined && res.statusCode < 300 ? true : `HTTP ${res.statusCode}`));
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 10 s')));
    req.on('error', (error) => resolve(error.message));
    req.end(payload);
  });
}
