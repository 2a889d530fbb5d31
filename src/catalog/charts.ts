import { formatCount } from './components.js';
import { html, type SafeHtml } from './html.js';

export interface BarRow {
  label: string;
  /** The whole (the light bar), e.g. planned calls. */
  total: number;
  /** The part (the dark bar drawn over it), e.g. calls sent from code. */
  part: number;
}

/** Headers of the table beside a chart: what the label, part and total columns hold. */
export interface BarColumns {
  label: string;
  part: string;
  total: string;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Horizontal bars (part over total) as inline SVG, with a `<title>` that says what it shows and
 * the same numbers in a table beside it: screen readers and copy-paste get the data, not a picture.
 */
export function partOfTotalChart(id: string, title: string, rows: readonly BarRow[], columns: BarColumns): SafeHtml {
  const barHeight = 22;
  const gap = 10;
  const labelWidth = 190;
  const width = 560;
  const scale = Math.max(1, ...rows.map((r) => r.total));
  const height = rows.length * (barHeight + gap) + gap;
  const bars = rows.map((row, i) => {
    const y = gap + i * (barHeight + gap);
    const full = ((width - labelWidth - 70) * row.total) / scale;
    const part = ((width - labelWidth - 70) * row.part) / scale;
    return html`<g><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="chart-label">${truncate(row.label, 26)}</text>
<rect x="${labelWidth}" y="${y}" width="${round(full)}" height="${barHeight}" class="bar-total"></rect>
<rect x="${labelWidth}" y="${y}" width="${round(part)}" height="${barHeight}" class="bar-part"></rect>
<text x="${round(labelWidth + full + 6)}" y="${y + 15}" class="chart-value">${formatCount(row.part)} / ${formatCount(row.total)}</text></g>`;
  });
  const table = html`<table class="chart-data" id="${id}-data"><caption>${title}</caption>
<thead><tr><th scope="col">${columns.label}</th><th scope="col">${columns.part}</th><th scope="col">${columns.total}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${formatCount(r.part)}</td><td>${formatCount(r.total)}</td></tr>`)}</tbody></table>`;
  return html`<figure class="chart" id="${id}"><svg role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}: ${rows.map((r) => `${r.label} ${r.part} of ${r.total}`).join('; ')}</title>
${bars}</svg>${table}</figure>`;
}

export interface DayCount {
  day: string;
  count: number;
}

/** Columns per day (oldest left) as inline SVG with a `<title>`, and the counts in a table beside it. */
export function dailyChart(id: string, title: string, days: readonly DayCount[], countLabel: string): SafeHtml {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : 1));
  const shown = sorted.slice(-60);
  const height = 160;
  const top = 14;
  const bottom = 28;
  const column = Math.max(8, Math.min(36, Math.floor(560 / Math.max(1, shown.length))));
  const width = Math.max(220, shown.length * column + 50);
  const max = Math.max(1, ...shown.map((d) => d.count));
  const plot = height - top - bottom;
  const bars = shown.map((d, i) => {
    const h = (plot * d.count) / max;
    const x = 40 + i * column;
    const label = i === 0 || i === shown.length - 1 || shown.length <= 8 ? html`<text x="${x + column / 2}" y="${height - 10}" text-anchor="middle" class="chart-label">${d.day.slice(5)}</text>` : '';
    return html`<rect x="${x + 2}" y="${round(top + plot - h)}" width="${column - 4}" height="${round(h)}" class="bar-part"><title>${d.day}: ${d.count}</title></rect>${label}`;
  });
  const table = html`<table class="chart-data" id="${id}-data"><caption>${title}</caption>
<thead><tr><th scope="col">Day</th><th scope="col">${countLabel}</th></tr></thead>
<tbody>${sorted.map((d) => html`<tr><th scope="row">${d.day}</th><td>${formatCount(d.count)}</td></tr>`)}</tbody></table>`;
  return html`<figure class="chart" id="${id}"><svg role="img" aria-labelledby="${id}-title" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}${shown.length < sorted.length ? ` (last ${shown.length} days)` : ''}: ${shown.map((d) => `${d.day} ${d.count}`).join('; ')}</title>
<line x1="38" y1="${top + plot}" x2="${width - 6}" y2="${top + plot}" class="axis"></line>
<text x="34" y="${top + 4}" text-anchor="end" class="chart-label">${formatCount(max)}</text>
<text x="34" y="${top + plot}" text-anchor="end" class="chart-label">0</text>
${bars}</svg>${table}</figure>`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
