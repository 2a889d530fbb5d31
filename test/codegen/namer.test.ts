import { describe, expect, it } from 'vitest';
import { functionNameOf, nameTrackingFunctions, splitWords } from '../../src/core/naming/namer.js';
import { planFromYaml } from './helpers.js';

describe('functionNameOf', () => {
  const cases: [string, string][] = [
    ['Order Completed', 'orderCompleted'],
    ['form_submit', 'formSubmit'],
    ['order completed', 'orderCompleted'],
    ['checkout.step.viewed', 'checkoutStepViewed'],
    ['checkout/step/viewed', 'checkoutStepViewed'],
    ['Product Added (v2)', 'productAddedV2'],
    ['checkoutStarted', 'checkoutStarted'],
    ['CheckoutStarted', 'checkoutStarted'],
    ['HTMLParsed', 'htmlParsed'],
    ['CTA Clicked', 'ctaClicked'],
    ['v2Upgrade done', 'v2UpgradeDone'],
    ['🚀 Rocket Launched', 'rocketLaunched'],
    ['Launched 🚀🚀', 'launched'],
    ['Café Opened', 'cafeOpened'],
    ['注文 完了', '注文完了'],
    ['1st Purchase', 'track1stPurchase'],
    ['2024 report', 'track2024Report'],
    ['class', 'trackClass'],
    ['Class', 'trackClass'],
    ['new', 'trackNew'],
    ['constructor', 'trackConstructor'],
    ['__proto__', 'proto'],
    ['to string', 'trackToString'],
    ['page', 'trackPage'],
    ['Identify', 'trackIdentify'],
    ['set trackplan options', 'trackSetTrackplanOptions'],
    ['console', 'trackConsole'],
    ['process', 'trackProcess'],
    ['await', 'trackAwait'],
    ['  spaced   out  ', 'spacedOut'],
  ];
  it.each(cases)('%j -> %s', (name, expected) => {
    expect(functionNameOf(name)).toBe(expected);
  });

  it.each(['🚀', '---', '', '   ', '!?'])('%j has no function name', (name) => {
    expect(functionNameOf(name)).toBeUndefined();
  });

  it('splits words on separators and case boundaries', () => {
    expect(splitWords('iOS app/opened_v2')).toEqual(['i', 'OS', 'app', 'opened', 'v2']);
  });
});

describe('nameTrackingFunctions', () => {
  it('names every call and its data type', () => {
    const plan = planFromYaml(`events:
  Order Completed: {}
  class: {}
identify: { traits: {} }
page: { properties: {} }
screen: { properties: {} }
group: { traits: {} }
`);
    const { names, diagnostics } = nameTrackingFunctions(plan.events);
    expect(diagnostics).toEqual([]);
    expect(names.map((n) => [n.event.call, n.event.name, n.functionName, n.typeName])).toEqual([
      ['track', 'Order Completed', 'orderCompleted', 'OrderCompletedProperties'],
      ['track', 'class', 'trackClass', 'TrackClassProperties'],
      ['identify', 'identify', 'identify', 'IdentifyTraits'],
      ['page', 'page', 'page', 'PageProperties'],
      ['screen', 'screen', 'screen', 'ScreenProperties'],
      ['group', 'group', 'group', 'GroupTraits'],
    ]);
  });

  // The plan loader already refuses names that differ only by case (they would share a schema
  // file), so these events are made by hand: the namer must not rely on that.
  it('reports names that differ only by case or separators at each event, never numbering them', () => {
    const at = (line: number) => ({ file: 'plan.yaml', line, column: 3, endLine: line, endColumn: 9 });
    const events = ['Order Completed', 'order completed', 'ORDER_COMPLETED', 'orderCompleted', 'Signed Up']
      .map((name, i) => ({ ...planFromYaml('events:\n  x: {}\n').events[0]!, name, location: at(10 + i) }));
    const { names, diagnostics } = nameTrackingFunctions(events);
    expect(names.map((n) => n.functionName)).toEqual(['signedUp']);
    expect(diagnostics.map((d) => [d.ruleId, d.messageId, d.severity, d.data?.['name'], d.data?.['identifier'], d.data?.['other']])).toEqual([
      ['codegen-name-collision', 'nameCollision', 'error', 'Order Completed', 'orderCompleted', 'order completed'],
      ['codegen-name-collision', 'nameCollision', 'error', 'order completed', 'orderCompleted', 'Order Completed'],
      ['codegen-name-collision', 'nameCollision', 'error', 'ORDER_COMPLETED', 'orderCompleted', 'Order Completed'],
      ['codegen-name-collision', 'nameCollision', 'error', 'orderCompleted', 'orderCompleted', 'Order Completed'],
    ]);
    expect(diagnostics.map((d) => d.location)).toEqual([at(10), at(11), at(12), at(13)]);
    expect(diagnostics[0]!.related).toEqual([at(11)]);
    expect(diagnostics[0]!.message).toBe('event "Order Completed" compiles to the function name orderCompleted, as does "order completed" (at plan.yaml:11:3); rename one of them');
  });

  it('reports a collision in a plan the loader accepts (different file names, same function name)', () => {
    const plan = planFromYaml(`events:
  orderCompleted: {}
  order_completed: {}
`);
    const { diagnostics } = nameTrackingFunctions(plan.events);
    expect(diagnostics.map((d) => [d.messageId, d.data?.['name'], d.location && 'line' in d.location ? [d.location.line, d.location.column] : []])).toEqual([
      ['nameCollision', 'orderCompleted', [6, 3]],
      ['nameCollision', 'order_completed', [7, 3]],
    ]);
  });

  it('reports an event whose prefixed name meets another event', () => {
    const plan = planFromYaml(`events:
  page: {}
  track page: {}
`);
    const { diagnostics } = nameTrackingFunctions(plan.events);
    expect(diagnostics.map((d) => [d.messageId, d.data?.['name'], d.data?.['identifier']])).toEqual([
      ['nameCollision', 'page', 'trackPage'],
      ['nameCollision', 'track page', 'trackPage'],
    ]);
  });

  it('reports an event name without letters or digits', () => {
    const plan = planFromYaml(`events:
  "🎉": {}
`);
    const { names, diagnostics } = nameTrackingFunctions(plan.events);
    expect(names).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({
      ruleId: 'codegen-unnameable-event', messageId: 'noIdentifier', severity: 'error',
      location: expect.objectContaining({ file: 'plan.yaml', line: 6, column: 3 }),
    })]);
  });
});
