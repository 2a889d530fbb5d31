import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writePlanYaml } from '../../src/sources/yaml-writer.js';

describe('writePlanYaml', () => {
  it('writes the DESIGN section 2 layout: flow one-line definitions, empty library references, blank lines between events', () => {
    const text = writePlanYaml({
      events: {
        form_submit: {
          description: 'A form was submitted.',
          sources: ['marketing-site', 'basin-inbound'],
          properties: { form_id: { type: 'string', required: true }, email: { required: true }, utm_source: null },
        },
        'Order Completed': { properties: { items: { type: 'array', items: { properties: { sku: { type: 'string' } } } } } },
      },
      identify: { traits: { email: { required: true } } },
    }, { schemaPath: '../schema/plan-format.schema.json' });
    expect(text).toBe([
      '# yaml-language-server: $schema=../schema/plan-format.schema.json',
      'events:',
      '  form_submit:',
      '    description: A form was submitted.',
      '    sources: [marketing-site, basin-inbound]',
      '    properties:',
      '      form_id: { type: string, required: true }',
      '      email: { required: true }',
      '      utm_source:',
      '',
      '  Order Completed:',
      '    properties:',
      '      items:',
      '        type: array',
      '        items:',
      '          properties:',
      '            sku: { type: string }',
      '',
      'identify:',
      '  traits:',
      '    email: { required: true }',
      '',
    ].join('\n'));
  });

  it('keeps a header run of scalars together and breaks long definitions into block style', () => {
    const long = 'x'.repeat(90);
    expect(writePlanYaml({ trackplan: 1, id: 'a', version: '1.0.0', policy: { unplanned_events: 'drop' }, properties: { p: { type: 'string', description: long } } })).toBe(
      `trackplan: 1\nid: a\nversion: 1.0.0\n\npolicy:\n  unplanned_events: drop\n\nproperties:\n  p:\n    type: string\n    description: ${long}\n`,
    );
  });

  const tricky: Record<string, unknown>[] = [
    { events: { 'a: b': { description: 'line1\n  line2\n', tags: ['x, y', 'null', '1', '', ' s', '#c', "it's", '[x]', '{y}'] } } },
    { properties: { p: { type: ['string', 'null'], enum: ['a', 1, true, null, 'yes', '1.0', 'true', '@x', '- y'], description: 'x: y # z' } } },
    { properties: { '"q"': { description: 'multi\nline', pattern: '^[a-z]{2,}$' }, 'with space': null, '123': { type: 'integer', minimum: -1.5 } } },
    { lint: { calls: [{ a: 1, b: [1, 2] }, 'x', [1, [2]]] }, rules: { r: ['warn', { max: 3 }] } },
    { types: { t: { description: '  leading and trailing  ' } } },
  ];
  it.each(tricky)('reads back exactly what it was given (%#)', (data) => {
    expect(parse(writePlanYaml(data))).toEqual(data);
  });

  it('is deterministic', () => {
    expect(writePlanYaml(tricky[1]!)).toBe(writePlanYaml(structuredClone(tricky[1]!)));
  });
});
