import type { ValidationResult } from '../runtime/types.js';

export interface TickerOptions {
  /** At most one line per this many ms; the first violations are said at once. */
  intervalMs: number;
  write: (line: string) => void;
  now?: () => number;
}

/**
 * `serve`'s terminal view of violations: one line, at most once per interval, with the counts
 * since the last line (`3 events with violations: Required-Missing ×2 (form_submit), ...`). The
 * violations file and the metrics hold the detail; a busy terminal must not scroll away.
 */
export class ViolationTicker {
  private events = 0;
  private dropped = 0;
  private readonly byType = new Map<string, Map<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: TickerOptions) {}

  add(results: readonly ValidationResult[]): void {
    for (const result of results) {
      this.events++;
      if (result.outcome === 'dropped') this.dropped++;
      for (const type of new Set(result.violations.map((v) => v.type))) {
        const events = this.byType.get(type) ?? new Map<string, number>();
        const name = result.event ?? result.call ?? '(no event)';
        events.set(name, (events.get(name) ?? 0) + 1);
        this.byType.set(type, events);
      }
    }
    if (this.timer || this.events === 0) return;
    const wait = Math.max(0, this.last + this.options.intervalMs - this.now());
    if (wait === 0) this.flush();
    else {
      this.timer = setTimeout(() => this.flush(), wait);
      this.timer.unref();
    }
  }

  /** Says what is pending (at shutdown). */
  close(): void {
    clearTimeout(this.timer);
    this.flush();
  }

  private flush(): void {
    this.timer = undefined;
    if (this.events === 0) return;
    this.last = this.now();
    this.options.write(formatTickerLine(this.events, this.dropped, this.byType));
    this.events = 0;
    this.dropped = 0;
    this.byType.clear();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** `5 events with violations (1 dropped): Required-Missing ×3 (form_submit ×2, user_sign_up), Unplanned-Event ×2 (Form Submitted ×2)`. */
export function formatTickerLine(events: number, dropped: number, byType: ReadonlyMap<string, ReadonlyMap<string, number>>): string {
  const types = [...byType]
    .map(([type, names]) => ({ type, total: [...names.values()].reduce((a, b) => a + b, 0), names: [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) }))
    .sort((a, b) => b.total - a.total || (a.type < b.type ? -1 : 1));
  const parts = types.map(({ type, total, names }) => {
    const shown = names.slice(0, 3).map(([name, n]) => (n > 1 ? `${name} ×${n}` : name));
    return `${type} ×${total} (${shown.join(', ')}${names.length > 3 ? ', ...' : ''})`;
  });
  return `${events} event${events === 1 ? '' : 's'} with violations${dropped > 0 ? ` (${dropped} dropped)` : ''}: ${parts.join(', ')}`;
}
