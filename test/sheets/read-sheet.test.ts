import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileEventSchema } from '../../src/core/compile-schema.js';
import { sortDiagnostics } from '../../src/core/diagnostics.js';
import { formatPretty } from '../../src/report/diagnostics.js';
import { pullSheet } from '../../src/sources/sheets/pull.js';
import type { SheetData } from '../../src/sources/sheets/sheet-data.js';

type Tabs = Record<string, string[][]>;

/** A small valid sheet as a person fills it in. */
function baseTabs(): Tabs {
  return {
    Plan: [['Setting', 'Value'], ['id', 'shop'], ['name', 'Shop'], ['version', '1.0.0'], ['policy.unplanned_events', 'drop']],
    Sources: [['Source id', 'Name', 'SDK'], ['web', 'Web shop', 'segment-js']],
    Types: [['Name', 'Type', 'Format'], ['email', 'string', 'email']],
    Events: [['Event', 'Call type', 'Sources'], ['Order Completed', 'track', 'web'], ['identify', 'identify', 'web']],
    Properties: [
      ['Event', 'Property', 'Type', 'Required', 'Allowed values', 'Min'],
      ['*', 'email', 'email', '', '', ''],
      ['Order Completed', 'order_id', 'string', 'TRUE', '', ''],
      ['Order Completed', 'total', 'number', '', '', '0'],
      ['identify', 'email', '', 'TRUE', '', ''],
    ],
  };
}

function sheet(tabs: Tabs): SheetData {
  return { title: 'test', tabs: new Map(Object.entries(tabs)), diagnostics: [] };
}

function edit(tabs: Tabs, tab: string, row: number, column: number, value: string): Tabs {
  const copy = structuredClone(tabs);
  const grid = (copy[tab] ??= []);
  while (grid.length <= row) grid.push([]);
  while (grid[row]!.length <= column) grid[row]!.push('');
  grid[row]![column] = value;
  return copy;
}

async function pullPlain(tabs: Tabs) {
  const pulled = await pullSheet(sheet(tabs));
  expect(pulled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { pulled, files: Object.fromEntries([...pulled.files!].map(([name, text]) => [name, parse(text) as unknown])) };
}

describe('reading a messy sheet', () => {
  it('skips blank rows, trims spaces, reads TRUE/yes/x booleans, carries merged-looking event cells down, ignores Notes', async () => {
    const tabs: Tabs = {
      Plan: [[], ['Setting ', ' Value'], ['id', ' shop  '], ['name', 'Shop'], [], ['version', '1.0.0 '], ['policy.propagate_violations', 'no']],
      Events: [
        ['Event', 'Call type', 'Category', 'Notes', 'Additional properties'],
        ['Order Completed  ', 'Track', 'checkout', 'ask Sam', ''],
        ['', '', '', '', ''],
        ['Product Viewed', '', 'browse', '', 'x'],
      ],
      Properties: [
        ['Event', 'Property', 'Type', 'Required', 'Nullable', 'PII', 'Allowed values', '# comment'],
        ['Order Completed', 'order_id', 'string ', 'TRUE', '', '', '', 'primary key'],
        ['', 'coupon', 'String', 'no', 'yes', '', '', ''],
        ['', 'quantity', 'integer', 'x', '', '', '1, 2, 3', ''],
        [],
        ['', 'products', 'array', '✓', '', '', '', ''],
        ['', 'products[].price', 'number', '1', '', '', '', ''],
        ['', 'products[].sku', 'string', 'Yes', '', 'FALSE', '"a, b", c , "1"', ''],
        ['Product Viewed', 'name', 'string', '', '', '', '', ''],
      ],
    };
    const { pulled, files } = await pullPlain(tabs);
    expect(pulled.diagnostics).toEqual([]);
    expect(files['plan.yaml']).toEqual({ trackplan: 1, id: 'shop', name: 'Shop', version: '1.0.0', policy: { propagate_violations: false } });
    expect(files['events/checkout.yaml']).toEqual({
      events: {
        'Order Completed': {
          properties: {
            order_id: { type: 'string', required: true },
            coupon: { type: 'string', required: false, nullable: true },
            quantity: { type: 'integer', required: true, enum: [1, 2, 3] },
            products: {
              type: 'array', required: true,
              items: { properties: { price: { type: 'number', required: true }, sku: { type: 'string', required: true, enum: ['a, b', 'c', '1'], pii: false } } },
            },
          },
        },
      },
    });
    expect(files['events/browse.yaml']).toEqual({ events: { 'Product Viewed': { additional_properties: true, properties: { name: { type: 'string' } } } } });
    const order = pulled.plan!.events.find((e) => e.name === 'Order Completed')!;
    expect(compileEventSchema(pulled.plan!, order)['properties']).toMatchObject({
      properties: {
        required: ['order_id', 'products', 'quantity'],
        properties: { products: { type: 'array', items: { type: 'object', required: ['price', 'sku'], additionalProperties: false } } },
      },
    });
  });

  it('reads an event property without a type as the library property, with the row overriding it', async () => {
    const { files, pulled } = await pullPlain(baseTabs());
    expect(files['events/../events.yaml' as string] ?? files['events.yaml']).toEqual({
      events: { 'Order Completed': { sources: ['web'], properties: { order_id: { type: 'string', required: true }, total: { type: 'number', minimum: 0 } } } },
      identify: { sources: ['web'], traits: { email: { required: true } } },
    });
    const identify = pulled.plan!.events.find((e) => e.call === 'identify')!;
    expect(identify.properties[0]).toMatchObject({ name: 'email', fromLibrary: true, required: true, format: 'email', type: ['string'] });
  });

  it('reads "Allowed values" by the property type, resolving custom types and the library', async () => {
    let tabs = baseTabs();
    tabs.Types.push(['level', 'integer', '']);
    tabs.Properties.push(['*', 'tier', 'level', '', '1, 2', ''], ['Order Completed', 'tier', '', '', '2', ''], ['Order Completed', 'code', 'string', '', '7, true, "null"', '']);
    tabs = edit(tabs, 'Events', 1, 0, 'Order Completed');
    const { files } = await pullPlain(tabs);
    expect((files['types.yaml'] as { properties: Record<string, unknown> }).properties['tier']).toEqual({ type: 'level', enum: [1, 2] });
    const order = (files['events.yaml'] as { events: Record<string, { properties: Record<string, unknown> }> }).events['Order Completed']!;
    expect(order.properties['tier']).toEqual({ enum: [2] });
    expect(order.properties['code']).toEqual({ type: 'string', enum: ['7', 'true', 'null'] });
  });
});

interface InvalidCase {
  name: string;
  tabs: Tabs;
  expected: { ruleId: string; messageId: string; sheet: string; cell: string }[];
  message?: string;
}

const base = baseTabs();
const INVALID: InvalidCase[] = [
  {
    name: 'unknown type, with a did-you-mean',
    tabs: edit(base, 'Properties', 2, 2, 'strng'),
    expected: [{ ruleId: 'unknown-type', messageId: 'unknownType', sheet: 'Properties', cell: 'C3' }],
    message: 'Properties!C3  error  unknown type "strng" (did you mean "string"?); expected a built-in type',
  },
  { name: 'bad boolean', tabs: edit(base, 'Properties', 2, 3, 'maybe'), expected: [{ ruleId: 'sheet-invalid-value', messageId: 'invalidBoolean', sheet: 'Properties', cell: 'D3' }] },
  { name: 'bad number', tabs: edit(base, 'Properties', 3, 5, 'ten'), expected: [{ ruleId: 'sheet-invalid-value', messageId: 'invalidNumber', sheet: 'Properties', cell: 'F4' }] },
  {
    name: 'malformed dotted path',
    tabs: edit(base, 'Properties', 3, 1, 'products[.price'),
    expected: [{ ruleId: 'sheet-invalid-path', messageId: 'invalidPath', sheet: 'Properties', cell: 'B4' }],
    message: 'malformed property path "products[.price": "[" at position 9 must be followed by "]"',
  },
  { name: 'path with an empty name', tabs: edit(base, 'Properties', 3, 1, 'a..b'), expected: [{ ruleId: 'sheet-invalid-path', messageId: 'invalidPath', sheet: 'Properties', cell: 'B4' }] },
  {
    name: 'unknown column, with a did-you-mean',
    tabs: edit(base, 'Properties', 0, 6, 'Requird'),
    expected: [{ ruleId: 'sheet-unknown-column', messageId: 'unknownColumn', sheet: 'Properties', cell: 'G1' }],
    message: 'unknown column "Requird" in the Properties tab (did you mean "Required"?)',
  },
  { name: 'a column twice', tabs: edit(base, 'Properties', 0, 6, 'type'), expected: [{ ruleId: 'sheet-structure', messageId: 'duplicateColumn', sheet: 'Properties', cell: 'G1' }] },
  {
    name: 'a property of an event the Events tab does not have',
    tabs: edit(base, 'Properties', 2, 0, 'Order Complete'),
    expected: [{ ruleId: 'sheet-unknown-event', messageId: 'unknownEvent', sheet: 'Properties', cell: 'A3' }],
    message: 'event "Order Complete" is not in the Events tab (did you mean "Order Completed"?)',
  },
  {
    name: 'the same property twice, reported at both rows',
    tabs: edit(base, 'Properties', 3, 1, 'order_id'),
    expected: [
      { ruleId: 'duplicate-name', messageId: 'duplicateName', sheet: 'Properties', cell: 'B3' },
      { ruleId: 'duplicate-name', messageId: 'duplicateName', sheet: 'Properties', cell: 'B4' },
    ],
  },
  {
    name: 'the same event twice',
    tabs: { ...base, Events: [...base.Events, ['Order Completed', 'track', '']] },
    expected: [
      { ruleId: 'duplicate-name', messageId: 'duplicateName', sheet: 'Events', cell: 'A2' },
      { ruleId: 'duplicate-name', messageId: 'duplicateName', sheet: 'Events', cell: 'A4' },
    ],
  },
  { name: 'unknown call type', tabs: edit(base, 'Events', 1, 1, 'trak'), expected: [{ ruleId: 'sheet-invalid-value', messageId: 'invalidCall', sheet: 'Events', cell: 'B2' }] },
  { name: 'a page call with a page name as event', tabs: { ...base, Events: [...base.Events, ['Home', 'page', '']] }, expected: [{ ruleId: 'sheet-invalid-value', messageId: 'callName', sheet: 'Events', cell: 'A4' }] },
  { name: 'category that leaves the plan folder', tabs: edit(edit(base, 'Events', 0, 3, 'Category'), 'Events', 1, 3, '../x'), expected: [{ ruleId: 'sheet-invalid-value', messageId: 'invalidCategory', sheet: 'Events', cell: 'D2' }] },
  { name: 'unknown source', tabs: edit(base, 'Events', 1, 2, 'webb'), expected: [{ ruleId: 'unknown-source', messageId: 'unknownSource', sheet: 'Events', cell: 'C2' }] },
  { name: 'plan version not semver', tabs: edit(base, 'Plan', 3, 1, '1.0'), expected: [{ ruleId: 'invalid-version', messageId: 'invalidVersion', sheet: 'Plan', cell: 'B4' }] },
  {
    name: 'policy setting typo',
    tabs: edit(base, 'Plan', 4, 0, 'policy.unplanned_event'),
    expected: [{ ruleId: 'unknown-key', messageId: 'unknownKey', sheet: 'Plan', cell: 'A5' }],
    message: 'unknown key "unplanned_event" in policy (did you mean "unplanned_events"?)',
  },
  { name: 'policy value not allowed', tabs: edit(base, 'Plan', 4, 1, 'dropp'), expected: [{ ruleId: 'invalid-value', messageId: 'invalidEnumChoice', sheet: 'Plan', cell: 'B5' }] },
  { name: 'lint settings that are not JSON', tabs: { ...base, Plan: [...base.Plan, ['lint', '{calls: 1}']] }, expected: [{ ruleId: 'sheet-invalid-value', messageId: 'invalidJson', sheet: 'Plan', cell: 'B6' }] },
  { name: 'enum value of the wrong type', tabs: edit(base, 'Properties', 3, 4, '1, free'), expected: [{ ruleId: 'enum-value-type', messageId: 'enumValueType', sheet: 'Properties', cell: 'E4' }] },
  { name: 'minimum on a string', tabs: edit(base, 'Properties', 2, 5, '3'), expected: [{ ruleId: 'invalid-value', messageId: 'constraintTypeMismatch', sheet: 'Properties', cell: 'F3' }] },
  { name: 'a property row without a property', tabs: edit(base, 'Properties', 3, 1, ''), expected: [{ ruleId: 'sheet-structure', messageId: 'missingValue', sheet: 'Properties', cell: 'B4' }] },
  {
    name: 'a first property row without an event (the library property it held is then missing too)',
    tabs: edit(base, 'Properties', 1, 0, ''),
    expected: [
      { ruleId: 'sheet-structure', messageId: 'missingValue', sheet: 'Properties', cell: 'A2' },
      { ruleId: 'missing-type', messageId: 'missingType', sheet: 'Properties', cell: 'B5' },
    ],
  },
  {
    name: 'no type and no library property',
    tabs: edit(base, 'Properties', 4, 1, 'emial'),
    expected: [{ ruleId: 'missing-type', messageId: 'missingType', sheet: 'Properties', cell: 'B5' }],
    message: 'property "emial" has no type, and the property library has no "emial" (did you mean "email"?)',
  },
  { name: 'plan header without an id', tabs: { ...base, Plan: base.Plan.filter((row) => row[0] !== 'id') }, expected: [{ ruleId: 'missing-key', messageId: 'missingKey', sheet: 'Plan', cell: 'A1' }] },
  {
    name: 'custom types that refer to each other',
    tabs: { ...base, Types: [...base.Types, ['a', 'b', ''], ['b', 'a', '']] },
    expected: [{ ruleId: 'type-cycle', messageId: 'typeCycle', sheet: 'Types', cell: 'B4' }],
    message: 'Types!B4  error  type "a" refers to itself: a -> b -> a',
  },
  { name: 'min above max', tabs: edit(edit(base, 'Properties', 0, 6, 'Max'), 'Properties', 3, 6, '-1'), expected: [{ ruleId: 'invalid-range', messageId: 'invalidRange', sheet: 'Properties', cell: 'F4' }] },
  { name: 'no Plan tab', tabs: { Events: base.Events }, expected: [{ ruleId: 'sheet-structure', messageId: 'missingTab', sheet: 'Plan', cell: 'A1' }] },
  {
    name: 'a misnamed tab',
    tabs: { Plan: base.Plan, Event: base.Events },
    expected: [{ ruleId: 'sheet-structure', messageId: 'missingTab', sheet: 'Events', cell: 'A1' }],
    message: 'the spreadsheet has no "Events" tab (did you mean "Event"?)',
  },
  {
    name: 'a tab without its name column: one error, not one per row',
    tabs: { ...base, Types: [['Type', 'Format'], ['string', 'email'], ['string', 'uri']], Properties: [base.Properties[0]!, base.Properties[2]!, base.Properties[3]!] },
    expected: [{ ruleId: 'sheet-structure', messageId: 'missingColumn', sheet: 'Types', cell: 'A1' }],
  },
];

describe('a sheet with errors: every diagnostic names its cell', () => {
  it.each(INVALID)('$name', async ({ tabs, expected, message }) => {
    const pulled = await pullSheet(sheet(tabs));
    const errors = sortDiagnostics(pulled.diagnostics.filter((d) => d.severity === 'error'));
    expect(errors.map((d) => ({ ruleId: d.ruleId, messageId: d.messageId, ...(d.location as object) }))).toEqual(expected);
    expect(pulled.files).toBeUndefined();
    if (message) expect(formatPretty(pulled.diagnostics)).toContain(message);
  });

  it('warns about a value in a column without a header, and still reads the sheet', async () => {
    const pulled = await pullSheet(sheet(edit(baseTabs(), 'Properties', 2, 8, 'stray')));
    expect(pulled.diagnostics.map((d) => ({ messageId: d.messageId, severity: d.severity, ...(d.location as object) }))).toEqual([
      { messageId: 'unnamedColumn', severity: 'warning', sheet: 'Properties', cell: 'I3' },
    ]);
    expect(pulled.files).toBeDefined();
  });
});
