/** Naming conventions a plan may choose for event and property names. */
export const NAMING_CONVENTIONS = ['snake_case', 'camelCase', 'PascalCase', 'kebab-case', 'Title Case', 'Object Action', 'any'] as const;
export type NamingConvention = (typeof NAMING_CONVENTIONS)[number];

const TITLE_WORD = '[A-Z0-9][A-Za-z0-9]*';
const CONVENTION_PATTERNS: Record<Exclude<NamingConvention, 'any'>, RegExp> = {
  snake_case: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  PascalCase: /^[A-Z][a-zA-Z0-9]*$/,
  'kebab-case': /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
  'Title Case': new RegExp(`^${TITLE_WORD}(?: ${TITLE_WORD})*$`),
  // Segment's "Object Action": at least two Title Case words, e.g. `Order Completed`.
  'Object Action': new RegExp(`^${TITLE_WORD}(?: ${TITLE_WORD})+$`),
};

/**
 * The words of a name in any convention: `Order Completed`, `order_completed`, `orderCompleted`,
 * `HTTPStatus` and `order-completed` all split at their separators and case changes.
 */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

/** One key for names that differ only in case, separators or spacing (`Order  Completed` = `order_completed`). */
export function nameKey(name: string): string {
  return splitWords(name).join('').toLowerCase();
}

export function followsConvention(name: string, convention: NamingConvention): boolean {
  return convention === 'any' || CONVENTION_PATTERNS[convention].test(name);
}

/** The name rewritten in the convention, for "did you mean" hints. */
export function toConvention(name: string, convention: NamingConvention): string {
  const words = splitWords(name).map((w) => w.toLowerCase());
  if (words.length === 0) return name;
  const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  switch (convention) {
    case 'snake_case':
      return words.join('_');
    case 'kebab-case':
      return words.join('-');
    case 'camelCase':
      return words[0]! + words.slice(1).map(capital).join('');
    case 'PascalCase':
      return words.map(capital).join('');
    case 'Title Case':
    case 'Object Action':
      return words.map(capital).join(' ');
    case 'any':
      return name;
  }
}
