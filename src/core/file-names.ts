/**
 * Safe, stable file stems for event names: `Order Completed` -> `order-completed`,
 * `checkout/step.viewed` -> `checkout-step-viewed`, `Café` -> `cafe`. Lower case, so that two names
 * that differ only by case collide here instead of on a case-insensitive file system.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/;
const MAX_LENGTH = 100;

export function eventFileName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  let slug = ascii.replace(/[^a-z0-9_]+/g, '-').replace(/^[-_]+|[-_]+$/g, '');
  // Letters that have no ASCII form (CJK, emoji, ...) would vanish: keep the name distinct with a hash.
  const lost = /[^\x00-\x7f]/.test(ascii.replace(/[^\p{L}\p{N}\p{S}]/gu, ''));
  if (slug === '' || lost) slug = `${slug === '' ? 'event' : slug}-${fnv1a(name)}`;
  if (slug.length > MAX_LENGTH) slug = `${slug.slice(0, MAX_LENGTH - 9)}-${fnv1a(name)}`;
  if (WINDOWS_RESERVED.test(slug)) slug = `${slug}_`;
  return slug;
}

/** 32-bit FNV-1a of the UTF-16 code units, as 8 hex digits: stable across runs and platforms. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The name of one of several events whose names differ only in case: `stem-<hash of the exact name>`. */
export function caseVariantName(stem: string, eventName: string): string {
  return `${stem}-${fnv1a(eventName)}`;
}
