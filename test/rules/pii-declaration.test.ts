import { describe, expect, it } from 'vitest';
import { personalDataWord } from '../../src/core/rules/pii-declaration.js';
import { testRule } from './rule-tester.js';

testRule('pii-declaration', {
  valid: [
    { name: 'declared pii', plan: 'events:\n  a:\n    properties:\n      email: { type: string, pii: true }\n      phone_number: { type: string, pii: true }\n' },
    { name: 'pii from a type', plan: 'types:\n  email: { type: string, pii: true }\nevents:\n  a:\n    properties:\n      contact_email: email\n' },
    { name: 'names about personal data, not the data', plan: 'events:\n  a:\n    properties:\n      email_verified: boolean\n      email_domain: string\n      phone_count: integer\n      is_mobile: boolean\n      company_name: string\n      product_name: string\n      first_login: boolean\n' },
    { name: 'inside a pii object or array', plan: 'events:\n  a:\n    properties:\n      address:\n        pii: true\n        properties:\n          street: string\n      contacts:\n        type: array\n        pii: true\n        items:\n          properties:\n            email: string\n' },
    { name: 'the group trait `name` is the account name', plan: 'group:\n  traits:\n    name: string\n' },
    { name: 'ignore option', options: { ignore: ['zip'] }, plan: 'events:\n  download:\n    properties:\n      zip: string\n' },
  ],
  invalid: [
    {
      name: 'personal-looking names without pii',
      plan: 'events:\n  a:\n    properties:\n      email: string\n      firstName: string\n      ip_address: string\n      name: string\n      billing:\n        properties:\n          postal_code: string\n',
      errors: [
        { messageId: 'undeclaredPii', line: 4, column: 7, endLine: 4, endColumn: 12, data: { path: 'events.a.properties.email', name: 'email', word: 'email' } },
        { messageId: 'undeclaredPii', line: 5, column: 7, endLine: 5, endColumn: 16, data: { path: 'events.a.properties.firstName', name: 'firstName', word: 'first name' } },
        { messageId: 'undeclaredPii', line: 6, column: 7, endLine: 6, endColumn: 17, data: { path: 'events.a.properties.ip_address', name: 'ip_address', word: 'ip' } },
        { messageId: 'undeclaredPii', line: 7, column: 7, endLine: 7, endColumn: 11, data: { path: 'events.a.properties.name', name: 'name', word: 'name' } },
        { messageId: 'undeclaredPii', line: 10, column: 11, endLine: 10, endColumn: 22, data: { path: 'events.a.properties.billing.properties.postal_code', name: 'postal_code', word: 'postal code' } },
      ],
    },
    {
      name: 'a library property is reported once, at the library; `name` outside group; extra words',
      options: { words: ['iccid'] },
      plan: 'properties:\n  phone: { type: string }\nevents:\n  a:\n    properties:\n      phone:\n      sim_iccid: string\nidentify:\n  traits:\n    name: string\n',
      errors: [
        { messageId: 'undeclaredPii', line: 2, column: 3, endLine: 2, endColumn: 8, data: { path: 'properties.phone', name: 'phone', word: 'phone' } },
        { messageId: 'undeclaredPii', line: 7, column: 7, endLine: 7, endColumn: 16, data: { path: 'events.a.properties.sim_iccid', name: 'sim_iccid', word: 'iccid' } },
        { messageId: 'undeclaredPii', line: 10, column: 5, endLine: 10, endColumn: 9, data: { path: 'identify.traits.name', name: 'name', word: 'name' } },
      ],
    },
  ],
});

describe('personalDataWord', () => {
  it.each([
    ['email', 'email'], ['userEmail', 'email'], ['Phone Number', 'phone'], ['last_name', 'last name'], ['dateOfBirth', 'birth'],
    ['home_address', 'address'], ['ipv6', 'ipv6'], ['credit_card_number', 'credit card'], ['username', 'username'],
  ])('%s looks personal (%s)', (name, word) => expect(personalDataWord(name)).toBe(word));
  it.each(['event_name', 'page_name', 'email_count', 'zip_provided', 'addressable', 'plan', 'referrer'])('%s does not', (name) => {
    expect(personalDataWord(name)).toBeUndefined();
  });
});
