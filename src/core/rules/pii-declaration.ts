import { splitWords } from './names.js';
import { defineRule } from './types.js';
import { walkDefinitions } from './walk.js';

/** Name parts that on their own mark personal data. */
const PII_WORDS = new Set([
  'email', 'emails', 'emailaddress', 'phone', 'phonenumber', 'telephone', 'mobile', 'msisdn', 'address', 'ip', 'ipv4', 'ipv6',
  'ipaddress', 'street', 'zip', 'zipcode', 'postcode', 'postalcode', 'ssn', 'passport', 'birthday', 'birthdate', 'birth', 'dob',
  'iban', 'cvv', 'password', 'passwd', 'latitude', 'longitude', 'firstname', 'lastname', 'fullname', 'surname',
  'middlename', 'givenname', 'familyname', 'username', 'nickname', 'displayname', 'creditcard', 'cardnumber',
]);
/** Two-word names: `first name`, `postal code`, ... */
const PII_PAIRS: [string, string][] = [
  ...['first', 'last', 'full', 'given', 'family', 'middle', 'user', 'display', 'nick', 'maiden', 'contact', 'customer', 'person', 'legal', 'billing', 'shipping'].map(
    (w): [string, string] => [w, 'name'],
  ),
  ['postal', 'code'], ['credit', 'card'], ['card', 'number'], ['national', 'id'], ['tax', 'id'], ['social', 'security'], ['driver', 'license'],
];
/** A last word that makes the name about the data rather than the data itself: `email_verified`, `phone_count`. */
const META_SUFFIXES = new Set(['count', 'verified', 'valid', 'enabled', 'present', 'provided', 'type', 'domain', 'status', 'provider', 'format', 'length', 'consent', 'optin']);

/** The word of the name that looks like personal data, if any. */
export function personalDataWord(name: string, extra: readonly string[] = []): string | undefined {
  const words = splitWords(name).map((w) => w.toLowerCase());
  if (words.length === 0 || META_SUFFIXES.has(words[words.length - 1]!)) return undefined;
  const extras = new Set(extra.map((w) => w.toLowerCase()));
  if (extras.has(name.toLowerCase())) return name;
  if (words.length === 1 && words[0] === 'name') return 'name';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (PII_WORDS.has(word) || extras.has(word)) return word;
    const next = words[i + 1];
    if (next !== undefined && PII_PAIRS.some(([a, b]) => a === word && b === next)) return `${word} ${next}`;
  }
  return undefined;
}

/**
 * Personal data must be declared so destinations, retention and deletion requests can treat it
 * as such. A name that looks personal without `pii: true` is a finding.
 */
export default defineRule({
  id: 'pii-declaration',
  meta: { severity: 'error', description: 'properties whose names look like personal data (email, phone, name, address, ip, ...) declare `pii: true`' },
  options: {
    words: { kind: 'strings', default: [], description: 'more name parts (or whole names) that mark personal data' },
    ignore: { kind: 'strings', default: [], description: 'property names that only look personal' },
  },
  messages: {
    undeclaredPii: '{path}: "{name}" looks like personal data ({word}); declare `pii: true`, or list the name in the rule\'s `ignore` option',
  },
  check(plan, options, report) {
    walkDefinitions(plan, (site) => {
      const { definition } = site;
      // Items have no name; a library reference was judged at the library.
      if (definition.pii || site.kind === 'items' || site.library) return;
      if (definition.type.length === 1 && definition.type[0] === 'boolean') return;
      // `pii: true` on an object or array covers what is inside it.
      for (let parent = site.parent; parent; parent = parent.parent) if (parent.definition.pii) return;
      if (options.ignore.includes(definition.name)) return;
      // In a group call, `name` is the account's name (the Segment spec's group trait).
      if (site.event?.call === 'group' && site.kind === 'property' && definition.name === 'name') return;
      const word = personalDataWord(definition.name, options.words);
      if (word === undefined) return;
      report({ messageId: 'undeclaredPii', location: definition.location, data: { path: site.path, name: definition.name, word } });
    });
  },
});
