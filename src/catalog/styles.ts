/** The site's stylesheet: system fonts only (nothing fetched), readable contrast, print-friendly. */
export const STYLES = `:root {
  --ink: #111827; --ink-2: #374151; --muted: #4b5563; --line: #e5e7eb; --bg: #f8fafc; --card: #ffffff;
  --accent: #1d4ed8; --accent-soft: #dbeafe; --header: #0f172a;
  --ok: #166534; --ok-soft: #dcfce7; --warn: #92400e; --warn-soft: #fef3c7; --bad: #991b1b; --bad-soft: #fee2e2;
  --pii: #6b21a8; --pii-soft: #f3e8ff;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); text-decoration: underline; text-decoration-color: #93c5fd; text-underline-offset: 2px; }
a:hover, a:focus { text-decoration-color: currentColor; }
.events th > .event-link, .site-header a, .toc a { text-decoration: none; }
.events th > .event-link:hover, .events th > .event-link:focus { text-decoration: underline; }
code, pre { font-family: var(--mono); font-size: 0.88em; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; letter-spacing: -0.01em; }
h2 { font-size: 1.15rem; margin: 0 0 0.75rem; }
h3 { font-size: 1rem; margin: 0 0 0.4rem; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; }
.skip:focus { left: 0.5rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.site-header { background: var(--header); color: #fff; }
.bar { max-width: 1240px; margin: 0 auto; display: flex; align-items: center; gap: 1.5rem; padding: 0.7rem 1.5rem; flex-wrap: wrap; }
.brand { color: #fff; font-weight: 650; font-size: 1.02rem; }
.brand:hover, .brand:focus { text-decoration: none; }
.brand-version { color: #cbd5e1; font-weight: 500; font-size: 0.85rem; margin-left: 0.25rem; }
.site-header nav ul { list-style: none; display: flex; gap: 0.25rem; margin: 0; padding: 0; }
.site-header nav a { color: #e2e8f0; padding: 0.35rem 0.7rem; border-radius: 6px; display: block; }
.site-header nav a:hover, .site-header nav a:focus { background: #1e293b; text-decoration: none; }
.site-header nav a[aria-current="page"] { background: #1e3a8a; color: #fff; }
.header-search { margin-left: auto; }
.header-search input { width: 15rem; padding: 0.4rem 0.7rem; border-radius: 6px; border: 1px solid #334155; background: #1e293b; color: #fff; font: inherit; }
.header-search input::placeholder { color: #cbd5e1; }
main { max-width: 1240px; margin: 0 auto; padding: 1.75rem 1.5rem 3rem; }
.site-footer { max-width: 1240px; margin: 0 auto; padding: 1rem 1.5rem 2rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
.lead { font-size: 1.05rem; color: var(--ink-2); max-width: 60rem; margin: 0 0 1.25rem; }
.muted { color: var(--muted); }
.small { font-size: 0.85rem; }
.nowrap { white-space: nowrap; }
.hero { margin-bottom: 1.25rem; }
.stats { list-style: none; display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; margin: 0; }
.stats li { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 0.6rem 1rem; color: var(--muted); }
.stats strong { display: block; font-size: 1.35rem; color: var(--ink); }
.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 0.9rem 1rem; margin: 1rem 0 0.5rem; }
.filter { display: flex; flex-direction: column; gap: 0.25rem; font-size: 0.85rem; color: var(--ink-2); font-weight: 600; }
.filter.grow { flex: 1 1 18rem; }
.filter input, .filter select { font: inherit; font-weight: 400; padding: 0.45rem 0.6rem; border: 1px solid #9ca3af; border-radius: 6px; background: #fff; color: var(--ink); }
.filter input:focus, .filter select:focus, .header-search input:focus { outline: 2px solid #60a5fa; outline-offset: 1px; }
.result-count { color: var(--muted); margin: 0.5rem 0 1rem; }
.group { margin-bottom: 1.75rem; content-visibility: auto; }
.group-title { font-size: 0.95rem; font-weight: 600; color: var(--ink-2); margin-bottom: 0.5rem; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.6rem 0.75rem; border-bottom: 1px solid var(--line); }
thead th { background: #f1f5f9; color: var(--ink-2); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; font-weight: 650; }
tbody tr:last-child > * { border-bottom: 0; }
tbody th { font-weight: 500; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.events th > .event-link { font-weight: 600; }
.row-description { color: var(--muted); font-size: 0.88rem; font-weight: 400; max-width: 38rem; }
.badge { display: inline-block; font-size: 0.72rem; font-weight: 650; line-height: 1.5; padding: 0 0.5rem; border-radius: 999px; text-transform: uppercase; letter-spacing: 0.03em; vertical-align: middle; }
.badge-active, .badge-compatible { background: var(--ok-soft); color: var(--ok); }
.badge-deprecated { background: var(--warn-soft); color: var(--warn); }
.badge-breaking { background: var(--bad-soft); color: var(--bad); }
.badge-docs, .badge-call { background: #e5e7eb; color: #1f2937; }
.badge-pii { background: var(--pii-soft); color: var(--pii); }
.tag { display: inline-block; background: var(--accent-soft); color: #1e3a8a; border-radius: 6px; padding: 0 0.45rem; font-size: 0.85rem; }
.crumbs { font-size: 0.88rem; color: var(--muted); margin-bottom: 0.5rem; }
.title-row { display: flex; align-items: center; flex-wrap: wrap; gap: 0.5rem; }
.title-row h1 { margin: 0 0.25rem 0 0; word-break: break-word; }
.notice { background: var(--warn-soft); color: #78350f; border-radius: 8px; padding: 0.6rem 0.9rem; }
.warning { color: var(--bad); }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0.75rem 1.5rem; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.facts dt { font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); font-weight: 650; }
.facts dd { margin: 0.15rem 0 0; }
ul.plain { list-style: none; padding: 0; margin: 0; }
.panel { margin: 0 0 1.75rem; }
.prop-name code { font-weight: 600; color: var(--ink); }
.prop-name a code { color: var(--accent); }
.tree { color: #6b7280; }
.rules .label { color: var(--muted); font-size: 0.8rem; margin-right: 0.25rem; }
.rules code { background: #f1f5f9; border-radius: 4px; padding: 0 0.25rem; }
.flag { font-weight: 600; }
pre.code { background: #0f172a; color: #e2e8f0; padding: 1rem 1.1rem; border-radius: 10px; overflow: auto; max-height: 32rem; line-height: 1.45; margin: 0.5rem 0 0; }
pre.code:focus { outline: 2px solid #60a5fa; }
details summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1.5rem; align-items: start; }
table.counts, table.chart-data { background: var(--card); border: 1px solid var(--line); border-radius: 10px; border-collapse: separate; border-spacing: 0; }
table.counts caption, table.chart-data caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem; color: var(--ink-2); }
.chart { display: flex; flex-wrap: wrap; gap: 1.25rem; align-items: flex-start; margin: 0.5rem 0 1rem; }
.chart svg { max-width: 100%; height: auto; background: var(--card); border: 1px solid var(--line); border-radius: 10px; }
.chart table { width: auto; min-width: 14rem; font-size: 0.9rem; }
.chart-label { font: 12px system-ui, sans-serif; fill: #374151; }
.chart-value { font: 12px system-ui, sans-serif; fill: #111827; }
.bar-total { fill: #dbeafe; }
.bar-part { fill: #1d4ed8; }
.axis { stroke: #9ca3af; stroke-width: 1; }
.call-sites { margin: 0.25rem 0 0; padding-left: 1.1rem; }
.entry { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin-bottom: 0.9rem; }
.entry:target { outline: 3px solid #93c5fd; }
.entry h3 code { font-size: 1rem; }
.definition { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0.5rem 0; }
.definition dt { font-size: 0.78rem; text-transform: uppercase; color: var(--muted); font-weight: 650; }
.definition dd { margin: 0; }
.inline-list { list-style: none; display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; padding: 0; margin: 0.35rem 0 0; }
.used-by { margin: 0.4rem 0 0; }
.toc { margin-bottom: 1.25rem; }
.history, .changes { padding-left: 1.1rem; }
.history > li { margin-bottom: 0.75rem; }
.changes li { margin: 0.2rem 0; }
.release { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
@media (max-width: 720px) { .header-search { margin-left: 0; width: 100%; } .header-search input { width: 100%; } }
@media print { .site-header, .filters, .header-search { display: none; } body { background: #fff; } }
`;
