import { describe, expect, it } from 'vitest';
import { escapeHtml, html, joinHtml } from '../../src/catalog/html.js';
import { anchorOf } from '../../src/catalog/paths.js';

describe('escapeHtml and the html template', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"><img src=x onerror=alert(1)>', '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ["it's & more", 'it&#39;s &amp; more'],
    ['&amp;', '&amp;amp;'],
    ['plain', 'plain'],
  ])('escapes %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
    expect(html`<p title="${text}">${text}</p>`.value).toBe(`<p title="${expected}">${expected}</p>`);
  });

  it('keeps nested templates, joins lists and drops null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`${inner}${[1, '<', null, undefined, false]}${0}`.value).toBe('<b>&lt;i&gt;</b>1&lt;0');
    expect(joinHtml([html`<a>`, '<x>'], ' & ').value).toBe('<a> &amp; &lt;x&gt;');
  });

  it.each([
    ['email', 'property-email'],
    ['utm.source', 'property-utm.2esource'],
    ['"><img>', 'property-.22.3e.3cimg.3e'],
    ['注文', 'property-.6ce8.6587'],
  ])('gives %j a fragment id that needs no escaping', (name, id) => {
    expect(anchorOf('property', name)).toBe(id);
  });
});
