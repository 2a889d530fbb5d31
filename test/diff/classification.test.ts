import { describe, expect, it } from 'vitest';
import { CHANGES, type ChangeId, type ChangeKind } from '../../src/core/diff/changes.js';
import { diffPlans } from '../../src/core/diff/diff-plans.js';
import type { Bump } from '../../src/core/diff/bump.js';
import { planOf } from './plans.js';

interface Case {
  name: string;
  base: string;
  head: string;
  baseHeader?: string;
  headHeader?: string;
  /** [kind, changeId, property path or keyword or event name] */
  changes: [ChangeKind, ChangeId, string][];
  bump: Bump;
}

const ev = (props: string, extra = '') => `events:\n  order_completed:\n    description: Paid.\n    owner: checkout\n${extra}    properties:\n${props}`;
const total = '      total: { type: number, required: true }\n';

const CASES: Case[] = [
  { name: 'no change', base: ev(total), head: ev(total), changes: [], bump: 'none' },
  // Breaking.
  { name: 'event removed', base: `${ev(total)}  order_refunded: {}\n`, head: ev(total), changes: [['breaking', 'eventRemoved', 'order_refunded']], bump: 'major' },
  { name: 'property removed', base: ev(`${total}      coupon: string\n`), head: ev(total), changes: [['breaking', 'propertyRemoved', 'coupon']], bump: 'major' },
  { name: 'type changed', base: ev('      total: string\n'), head: ev('      total: boolean\n'), changes: [['breaking', 'typeChanged', 'total']], bump: 'major' },
  { name: 'type narrowed', base: ev('      total: { type: [string, number] }\n'), head: ev('      total: number\n'), changes: [['breaking', 'typeChanged', 'total']], bump: 'major' },
  { name: 'type widened (a warehouse column changes type)', base: ev('      total: integer\n'), head: ev('      total: number\n'), changes: [['breaking', 'typeChanged', 'total']], bump: 'major' },
  { name: 'enum value removed', base: ev('      plan: { type: string, enum: [free, pro] }\n'), head: ev('      plan: { type: string, enum: [free] }\n'), changes: [['breaking', 'enumValueRemoved', 'plan']], bump: 'major' },
  { name: 'enum introduced', base: ev('      plan: string\n'), head: ev('      plan: { type: string, enum: [free] }\n'), changes: [['breaking', 'enumAdded', 'plan']], bump: 'major' },
  { name: 'optional -> required', base: ev('      coupon: string\n'), head: ev('      coupon: { type: string, required: true }\n'), changes: [['breaking', 'madeRequired', 'coupon']], bump: 'major' },
  { name: 'new required property', base: ev(total), head: ev(`${total}      currency: { type: string, required: true }\n`), changes: [['breaking', 'requiredPropertyAdded', 'currency']], bump: 'major' },
  { name: 'pattern added', base: ev('      sku: string\n'), head: ev('      sku: { type: string, pattern: "^[A-Z]+$" }\n'), changes: [['breaking', 'patternAdded', 'sku']], bump: 'major' },
  { name: 'pattern changed', base: ev('      sku: { type: string, pattern: "^[A-Z]+$" }\n'), head: ev('      sku: { type: string, pattern: "^[A-Z]{3}$" }\n'), changes: [['breaking', 'patternChanged', 'sku']], bump: 'major' },
  { name: 'format added', base: ev('      at: string\n'), head: ev('      at: { type: string, format: date-time }\n'), changes: [['breaking', 'formatAdded', 'at']], bump: 'major' },
  { name: 'format changed', base: ev('      at: { type: string, format: date }\n'), head: ev('      at: { type: string, format: date-time }\n'), changes: [['breaking', 'formatChanged', 'at']], bump: 'major' },
  {
    name: 'bounds tightened: added, minimum raised, maximum and maxLength lowered',
    base: ev('      n: { type: number, minimum: 0, maximum: 100 }\n      s: { type: string, maxLength: 64 }\n'),
    head: ev('      n: { type: number, minimum: 1, maximum: 50 }\n      s: { type: string, minLength: 1, maxLength: 32 }\n'),
    changes: [['breaking', 'boundTightened', 'n'], ['breaking', 'boundTightened', 'n'], ['breaking', 'boundTightened', 's'], ['breaking', 'boundTightened', 's']],
    bump: 'major',
  },
  {
    name: 'additional properties disallowed (event and nested object)',
    base: ev('      meta: { type: object, additional_properties: true, properties: { a: string } }\n', '    additional_properties: true\n'),
    head: ev('      meta: { type: object, properties: { a: string } }\n'),
    changes: [['breaking', 'additionalDisallowed', 'additional_properties'], ['breaking', 'additionalDisallowed', 'meta']],
    bump: 'major',
  },
  { name: 'a required property becomes nullable', base: ev(total), head: ev('      total: { type: number, required: true, nullable: true }\n'), changes: [['breaking', 'nullableAddedToRequired', 'total']], bump: 'major' },
  { name: 'nullable removed', base: ev('      coupon: { type: string, nullable: true }\n'), head: ev('      coupon: string\n'), changes: [['breaking', 'nullableRemoved', 'coupon']], bump: 'major' },
  { name: 'array items constrained', base: ev('      tags: array\n'), head: ev('      tags: { type: array, items: string }\n'), changes: [['breaking', 'itemsConstrained', 'tags']], bump: 'major' },
  {
    name: 'nested and item properties, with their paths',
    base: ev('      cart:\n        properties:\n          size: integer\n      lines:\n        type: array\n        items:\n          properties:\n            sku: string\n            qty: integer\n'),
    head: ev('      cart:\n        properties:\n          size: number\n      lines:\n        type: array\n        items:\n          properties:\n            sku: string\n'),
    changes: [['breaking', 'typeChanged', 'cart.size'], ['breaking', 'propertyRemoved', 'lines[].qty']],
    bump: 'major',
  },
  {
    name: 'page names narrowed',
    base: 'page:\n  properties: {}\n',
    head: 'page:\n  names: [Home, Pricing]\n  properties: {}\n',
    changes: [['breaking', 'pageNamesNarrowed', 'names']],
    bump: 'major',
  },
  {
    name: 'identify traits move to context.traits',
    base: 'identify:\n  traits: {}\n',
    head: 'identify:\n  identity_section: context.traits\n  traits: {}\n',
    changes: [['breaking', 'identitySectionChanged', 'identity_section']],
    bump: 'major',
  },
  {
    name: 'policy: forward -> drop is breaking, per call type too',
    base: ev(total), head: ev(total),
    headHeader: 'policy:\n  unplanned_properties: drop\n  identify: { unplanned_events: drop }\n',
    changes: [['breaking', 'policyTightened', 'policy.unplanned_properties'], ['breaking', 'policyTightened', 'policy.identify.unplanned_events']],
    bump: 'major',
  },
  // Compatible.
  { name: 'event added', base: ev(total), head: `${ev(total)}  order_refunded: {}\n`, changes: [['compatible', 'eventAdded', 'order_refunded']], bump: 'minor' },
  { name: 'optional property added', base: ev(total), head: ev(`${total}      coupon: string\n`), changes: [['compatible', 'propertyAdded', 'coupon']], bump: 'minor' },
  { name: 'enum widened', base: ev('      plan: { type: string, enum: [free] }\n'), head: ev('      plan: { type: string, enum: [free, pro] }\n'), changes: [['compatible', 'enumValueAdded', 'plan']], bump: 'minor' },
  { name: 'enum lifted', base: ev('      plan: { type: string, enum: [free] }\n'), head: ev('      plan: string\n'), changes: [['compatible', 'enumRemoved', 'plan']], bump: 'minor' },
  {
    name: 'bounds loosened: removed, minimum lowered, maximum raised',
    base: ev('      n: { type: number, minimum: 1, maximum: 50 }\n      s: { type: string, minLength: 1 }\n'),
    head: ev('      n: { type: number, minimum: 0, maximum: 100 }\n      s: string\n'),
    changes: [['compatible', 'boundLoosened', 'n'], ['compatible', 'boundLoosened', 'n'], ['compatible', 'boundLoosened', 's']],
    bump: 'minor',
  },
  { name: 'required -> optional', base: ev(total), head: ev('      total: number\n'), changes: [['compatible', 'madeOptional', 'total']], bump: 'minor' },
  { name: 'an optional property becomes nullable', base: ev('      coupon: string\n'), head: ev('      coupon: { type: string, nullable: true }\n'), changes: [['compatible', 'nullableAdded', 'coupon']], bump: 'minor' },
  { name: 'pattern removed', base: ev('      sku: { type: string, pattern: "^[A-Z]+$" }\n'), head: ev('      sku: string\n'), changes: [['compatible', 'patternRemoved', 'sku']], bump: 'minor' },
  { name: 'format removed', base: ev('      at: { type: string, format: date }\n'), head: ev('      at: string\n'), changes: [['compatible', 'formatRemoved', 'at']], bump: 'minor' },
  { name: 'array items unconstrained', base: ev('      tags: { type: array, items: string }\n'), head: ev('      tags: array\n'), changes: [['compatible', 'itemsUnconstrained', 'tags']], bump: 'minor' },
  {
    name: 'additional properties allowed',
    base: ev('      meta: { type: object, properties: { a: string } }\n'),
    head: ev('      meta: { type: object, additional_properties: true, properties: { a: string } }\n', '    additional_properties: true\n'),
    changes: [['compatible', 'additionalAllowed', 'additional_properties'], ['compatible', 'additionalAllowed', 'meta']],
    bump: 'minor',
  },
  { name: 'page names widened', base: 'page:\n  names: [Home]\n', head: 'page:\n  names: [Home, Pricing]\n', changes: [['compatible', 'pageNamesWidened', 'names']], bump: 'minor' },
  {
    name: 'event deprecated',
    base: ev(total),
    head: ev(total, '    status: deprecated\n    replaced_by: checkout_completed\n'),
    changes: [['compatible', 'eventDeprecated', 'status']],
    bump: 'minor',
  },
  { name: 'event reactivated', base: ev(total, '    status: deprecated\n    replaced_by: x\n'), head: ev(total), changes: [['compatible', 'eventReactivated', 'status']], bump: 'minor' },
  { name: 'pii declared', base: ev('      email: string\n'), head: ev('      email: { type: string, pii: true }\n'), changes: [['compatible', 'piiChanged', 'email']], bump: 'minor' },
  { name: 'property deprecated', base: ev('      coupon: string\n'), head: ev('      coupon: { type: string, deprecated: true }\n'), changes: [['compatible', 'propertyDeprecated', 'coupon']], bump: 'minor' },
  { name: 'property undeprecated', base: ev('      coupon: { type: string, deprecated: true }\n'), head: ev('      coupon: string\n'), changes: [['compatible', 'propertyUndeprecated', 'coupon']], bump: 'minor' },
  {
    name: 'policy: drop -> forward and propagation',
    base: ev(total), head: ev(total),
    baseHeader: 'policy:\n  unplanned_events: drop\n',
    headHeader: 'policy:\n  propagate_violations: false\n',
    changes: [['compatible', 'policyLoosened', 'policy.unplanned_events'], ['compatible', 'policyPropagationChanged', 'policy.propagate_violations']],
    bump: 'minor',
  },
  // Docs.
  {
    name: 'descriptions, owner, tags, sources and replacement',
    base: 'events:\n  a:\n    description: Old.\n    owner: x\n    tags: [t]\n    sources: [web]\n    status: deprecated\n    replaced_by: b\n    properties:\n      p: { type: string, description: Old. }\n',
    head: 'events:\n  a:\n    description: New.\n    owner: y\n    tags: [u]\n    sources: [web, app]\n    status: deprecated\n    replaced_by: c\n    properties:\n      p: { type: string, description: New. }\n',
    changes: [
      ['docs', 'eventReplacementChanged', 'replaced_by'], ['docs', 'eventDescriptionChanged', 'description'], ['docs', 'eventOwnerChanged', 'owner'],
      ['docs', 'eventTagsChanged', 'tags'], ['docs', 'eventSourcesChanged', 'sources'], ['docs', 'propertyDescriptionChanged', 'p'],
    ],
    bump: 'patch',
  },
  {
    name: 'a custom type replaced by the same JSON type',
    base: 'types:\n  sku: { type: string, description: A SKU. }\nevents:\n  a:\n    properties:\n      p: { type: sku, description: A SKU. }\n',
    head: 'events:\n  a:\n    properties:\n      p: { type: string, description: A SKU. }\n',
    changes: [['docs', 'typeNameChanged', 'p']],
    bump: 'patch',
  },
  {
    name: 'plan description',
    base: ev(total), head: ev(total),
    headHeader: 'description: The shop.\n',
    changes: [['docs', 'planDescriptionChanged', 'description']],
    bump: 'patch',
  },
];

const SOURCE_CASES: Case[] = [
  {
    name: 'sources added and removed',
    base: ev(total), head: ev(total),
    baseHeader: '  legacy: { name: Legacy }\n',
    headHeader: '  server: { name: Server, sdk: rudderstack-node }\n',
    changes: [['docs', 'sourceRemoved', 'sources.legacy'], ['docs', 'sourceAdded', 'sources.server']],
    bump: 'patch',
  },
];

function run(c: Case) {
  const base = planOf(c.base, { header: c.baseHeader ?? '' });
  const head = planOf(c.head, { header: c.headHeader ?? '' });
  return diffPlans(base, head);
}

const target = (c: { property?: string; keyword?: string; event?: string }) => c.property ?? c.keyword ?? c.event ?? '';

describe('plan change pairs -> classification and bump', () => {
  it.each([...CASES, ...SOURCE_CASES].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const diff = run(c);
    expect(diff.changes.map((x) => [x.kind, x.changeId, target(x)])).toEqual(c.changes);
    expect(diff.bump.required).toBe(c.bump);
    for (const change of diff.changes) expect(change.kind).toBe(CHANGES[change.changeId].kind);
  });

  it('renames the plan id and name: breaking, docs', () => {
    const base = planOf(ev(total));
    const head = { ...planOf(ev(total)), id: 'shop-web', name: 'Shop web' };
    expect(diffPlans(base, head).changes.map((x) => [x.kind, x.changeId, x.before, x.after])).toEqual([
      ['breaking', 'planIdChanged', 'shop', 'shop-web'],
      ['docs', 'planNameChanged', 'Shop', 'Shop web'],
    ]);
  });

  it('covers every kind of change in the catalogue', () => {
    const seen = new Set<string>([...CASES, ...SOURCE_CASES].flatMap((c) => c.changes.map(([, id]) => id)));
    seen.add('planIdChanged').add('planNameChanged');
    const changed = { ...planOf(ev(total), { header: '  legacy: { name: Legacy }\n' }) };
    changed.sources = changed.sources.map((s) => (s.id === 'legacy' ? { ...s, name: 'Legacy app' } : s));
    const sourceChanged = diffPlans(planOf(ev(total), { header: '  legacy: { name: Legacy }\n' }), changed).changes;
    expect(sourceChanged.map((c) => [c.changeId, c.message])).toEqual([['sourceChanged', 'source "legacy" changed (name)']]);
    seen.add('sourceChanged');
    expect([...seen].sort()).toEqual(Object.keys(CHANGES).sort());
  });
});

describe('locations', () => {
  it('a removal points into the base plan, everything else into the head', () => {
    const diff = diffPlans(planOf(ev(`${total}      coupon: string\n`)), planOf(ev('      total: number\n')));
    expect(diff.changes.map((c) => [c.changeId, c.side, c.location])).toEqual([
      ['propertyRemoved', 'base', { file: 'plans/events.yaml', line: 7, column: 7, endLine: 7, endColumn: 13 }],
      ['madeOptional', 'head', { file: 'plans/events.yaml', line: 6, column: 7, endLine: 6, endColumn: 12 }],
    ]);
  });
});

describe('renames', () => {
  it('a renamed property is a removal plus an addition, both with a rename hint', () => {
    const diff = diffPlans(planOf(ev('      userId: string\n      plan: string\n')), planOf(ev('      user_id: string\n      tier: integer\n')));
    expect(diff.changes.map((c) => [c.kind, c.changeId, c.property, c.hint && [c.hint.from, c.hint.to]])).toEqual([
      ['breaking', 'propertyRemoved', 'plan', undefined],
      ['compatible', 'propertyAdded', 'tier', undefined],
      ['breaking', 'propertyRemoved', 'userId', ['userId', 'user_id']],
      ['compatible', 'propertyAdded', 'user_id', ['userId', 'user_id']],
    ]);
    expect(diff.bump.required).toBe('major');
  });

  it('a renamed event, found by its name or by its properties', () => {
    const props = '    properties:\n      a: string\n      b: string\n      c: string\n';
    const diff = diffPlans(
      planOf(`events:\n  Order Completed:\n${props}  signup_completed:\n${props}`),
      planOf(`events:\n  order_completed:\n${props}  user_signed_up:\n${props.replace('      c: string\n', '')}`),
    );
    expect(diff.changes.map((c) => [c.changeId, c.event, c.hint && `${c.hint.from} -> ${c.hint.to}`])).toEqual([
      ['eventRemoved', 'Order Completed', 'Order Completed -> order_completed'],
      ['eventAdded', 'order_completed', 'Order Completed -> order_completed'],
      ['eventRemoved', 'signup_completed', 'signup_completed -> user_signed_up'],
      ['eventAdded', 'user_signed_up', 'signup_completed -> user_signed_up'],
    ]);
    expect(diff.changes[0]!.hint!.message).toContain('may be a rename');
  });

  it('no hint between unrelated events', () => {
    const diff = diffPlans(planOf('events:\n  cart_viewed:\n    properties: { a: string }\n'), planOf('events:\n  invoice_paid:\n    properties: { z: number }\n'));
    expect(diff.changes.every((c) => c.hint === undefined)).toBe(true);
  });
});
