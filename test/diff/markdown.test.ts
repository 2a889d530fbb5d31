import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/core/diff/diff-plans.js';
import { code, escapeMarkdown, formatDiffMarkdown } from '../../src/report/markdown.js';
import { planOf } from './plans.js';

describe('markdown escaping', () => {
  it.each([
    ['plain', '`plain`'],
    ['a`b', '``a`b``'],
    ['`edge', '`` `edge ``'],
    ['two\nlines', '`two lines`'],
  ])('code(%j) = %s', (text, expected) => expect(code(text)).toBe(expected));

  it('neutralizes emphasis, links and HTML', () => {
    expect(escapeMarkdown('a_b *c* [x](y) <script> &amp; ~~d~~')).toBe('a\\_b \\*c\\* \\[x\\](y) &lt;script> &amp;amp; \\~\\~d\\~\\~');
  });

  it('keeps the breaking table intact whatever the event and property names hold', () => {
    const base = planOf('events:\n  "Pipe | `tick` <b>":\n    properties:\n      "a|b": string\n');
    const head = planOf('events:\n  "Pipe | `tick` <b>":\n    properties: {}\n', { version: '2.0.0' });
    const text = formatDiffMarkdown(diffPlans(base, head), { base: 'main', head: 'working tree' });
    const row = text.split('\n').find((line) => line.startsWith('| track'))!;
    expect(row).toBe('| track ``Pipe \\| `tick` <b>`` | property "a\\|b" removed | `plans/events.yaml:4:7` (main) |');
    // Four unescaped pipes: three cells.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
    expect(text).toContain(':white_check_mark: version 1.0.0 -> 2.0.0 (major) covers the changes (they need major)');
  });

  it('says so when nothing changed', () => {
    const plan = planOf('events:\n  a: {}\n');
    const text = formatDiffMarkdown(diffPlans(plan, plan), { base: 'main', head: 'working tree' });
    expect(text).toBe([
      '<!-- trackplan-diff -->',
      '### Tracking plan `shop`: `1.0.0` → `1.0.0`',
      '',
      ':white_check_mark: version 1.0.0 -> 1.0.0: no change needs a version bump',
      '',
      '**no changes** (main → working tree)',
      '',
    ].join('\n'));
  });
});
