/**
 * A small Prometheus text-format registry (exposition format 0.0.4): counters and histograms with
 * labels, gauges read at scrape time. Enough for `/metrics` without a dependency.
 */
export interface Metric {
  render(): string;
}

export class Registry {
  private readonly metrics: Metric[] = [];

  register<T extends Metric>(metric: T): T {
    this.metrics.push(metric);
    return metric;
  }

  render(): string {
    return this.metrics.map((metric) => metric.render()).join('');
  }
}

/** Label values beyond this many series per metric fold into `_other`: event names come from clients. */
const MAX_SERIES = 500;

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: readonly string[]; value: number }>();

  constructor(readonly name: string, readonly help: string, readonly labelNames: readonly string[] = []) {}

  inc(labels: readonly string[] = [], amount = 1): void {
    const key = seriesKey(labels);
    let series = this.values.get(key);
    if (!series) {
      const safe = this.values.size >= MAX_SERIES ? labels.map(() => '_other') : labels;
      series = this.values.get(seriesKey(safe)) ?? { labels: safe, value: 0 };
      this.values.set(seriesKey(safe), series);
    }
    series.value += amount;
  }

  /** The current value of one series (0 when it has none): for tests and /health. */
  get(labels: readonly string[] = []): number {
    return this.values.get(seriesKey(labels))?.value ?? 0;
  }

  render(): string {
    let out = header(this.name, this.help, 'counter');
    if (this.values.size === 0 && this.labelNames.length === 0) out += `${this.name} 0\n`;
    for (const { labels, value } of this.values.values()) out += `${this.name}${formatLabels(this.labelNames, labels)} ${value}\n`;
    return out;
  }
}

export class Gauge implements Metric {
  constructor(readonly name: string, readonly help: string, private readonly read: () => number) {}

  render(): string {
    return `${header(this.name, this.help, 'gauge')}${this.name} ${this.read()}\n`;
  }
}

export class Histogram implements Metric {
  private readonly series = new Map<string, { labels: readonly string[]; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
    readonly buckets: readonly number[],
  ) {}

  observe(value: number, labels: readonly string[] = []): void {
    const key = seriesKey(labels);
    let series = this.series.get(key);
    if (!series) {
      series = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    // Counts are per bucket here and made cumulative when rendered: one increment per observation.
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index !== -1) series.counts[index]!++;
    series.sum += value;
    series.count++;
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram');
    for (const { labels, counts, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((bound, i) => {
        cumulative += counts[i]!;
        out += `${this.name}_bucket${formatLabels([...this.labelNames, 'le'], [...labels, String(bound)])} ${cumulative}\n`;
      });
      out += `${this.name}_bucket${formatLabels([...this.labelNames, 'le'], [...labels, '+Inf'])} ${count}\n`;
      out += `${this.name}_sum${formatLabels(this.labelNames, labels)} ${sum}\n`;
      out += `${this.name}_count${formatLabels(this.labelNames, labels)} ${count}\n`;
    }
    return out;
  }
}

function header(name: string, help: string, type: string): string {
  return `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}\n# TYPE ${name} ${type}\n`;
}

function seriesKey(labels: readonly string[]): string {
  return labels.join('\u0000');
}

function formatLabels(names: readonly string[], values: readonly string[]): string {
  if (names.length === 0) return '';
  const pairs = names.map((name, i) => `${name}="${escapeLabel(values[i] ?? '')}"`);
  return `{${pairs.join(',')}}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
