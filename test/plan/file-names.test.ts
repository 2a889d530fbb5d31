import { describe, expect, it } from 'vitest';
import { eventFileName, fnv1a } from '../../src/core/file-names.js';

describe('eventFileName', () => {
  it.each([
    ['form_submit', 'form_submit'],
    ['Order Completed', 'order-completed'],
    ['checkout/step.viewed', 'checkout-step-viewed'],
    ['  Leading and trailing  ', 'leading-and-trailing'],
    ['../../etc/passwd', 'etc-passwd'],
    ['Café Visited', 'cafe-visited'],
    ['Ünïcödé', 'unicode'],
    ['[Auth] - Login', 'auth-login'],
    ['CON', 'con_'],
    ['注文完了', `event-${fnv1a('注文完了')}`],
    ['Order 注文', `order-${fnv1a('Order 注文')}`],
    ['🎉 Party', `party-${fnv1a('🎉 Party')}`],
  ])('%j -> %j', (name, expected) => {
    expect(eventFileName(name)).toBe(expected);
    expect(eventFileName(name)).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
  });

  it('keeps distinct non-ASCII names apart and stays stable', () => {
    expect(eventFileName('注文完了')).not.toBe(eventFileName('注文取消'));
    expect(fnv1a('注文完了')).toBe(fnv1a('注文完了'));
    expect(fnv1a('')).toBe('811c9dc5');
  });

  it('caps long names and keeps them distinct', () => {
    const a = eventFileName(`${'x'.repeat(200)}a`);
    const b = eventFileName(`${'x'.repeat(200)}b`);
    expect(a.length).toBeLessThanOrEqual(100);
    expect(a).not.toBe(b);
  });

  it('maps names that differ only by case or punctuation to one file (a collision the loader reports)', () => {
    expect(eventFileName('Order Completed')).toBe(eventFileName('order.completed'));
  });
});
