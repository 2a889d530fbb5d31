import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { parseCallSpec } from '../../src/lint/call-spec.js';
import { readLintConfig } from '../../src/lint/read-config.js';
import { loadPlan } from '../../src/sources/load-plan.js';
import { tempTree } from '../helpers/temp.js';

const HEADER = `trackplan: 1\nid: p\nname: P\nversion: 1.0.0\nevents:\n  a: { properties: {} }\n`;

async function readConfig(lint: string) {
  const dir = await tempTree({ 'plans/plan.yaml': `${HEADER}${lint}` });
  const { plan, diagnostics } = await loadPlan('plans', { cwd: dir });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return readLintConfig(plan!, dir);
}

describe('lint: settings in the plan header', () => {
  it('reads receivers, wrappers, the generated folder, ignores and severities', async () => {
    const { config, diagnostics } = await readConfig([
      'lint:',
      '  receivers: [tracker]',
      '  calls:',
      '    - callee: track',
      '    - { callee: this.analyticsService.track, properties: 2 }',
      '    - { callee: identifyUser, type: identify }',
      '    - { callee: "*.send", event: 0.name, properties: "0.data" }',
      '  generated: src/generated',
      '  ignore: ["**/*.stories.tsx"]',
      '  rules: { deprecated-property: off, unknown-property: warn }',
    ].join('\n'));
    expect(diagnostics).toEqual([]);
    expect(config).toEqual({
      receivers: ['analytics', 'rudderanalytics', 'tracker'],
      calls: [
        { callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 } },
        { callee: 'this.analyticsService.track', call: 'track', event: { index: 0 }, properties: { index: 2 } },
        { callee: 'identifyUser', call: 'identify', properties: { index: 1 } },
        { callee: '*.send', call: 'track', event: { index: 0, key: 'name' }, properties: { index: 0, key: 'data' } },
      ],
      generated: 'src/generated',
      ignore: ['**/*.stories.tsx'],
      rules: { 'deprecated-property': 'off', 'unknown-property': 'warning' },
    });
  });

  it('reads from, message and name transforms, and keeps the settings as written', async () => {
    const lint = [
      'lint:',
      '  calls:',
      "    - { callee: track, from: '@/lib/analytics', name: { suffix: ' - [WEB]' } }",
      "    - { callee: send, from: 'apps/*/src/lib/analytics.ts', message: 0, name: { prefix: 'App ' } }",
      "    - { callee: '*.track', type: page, name: { pattern: '^\\[(\\w+)\\] (.*)$', replace: '$2 ($1)' } }",
    ].join('\n');
    const dir = await tempTree({ 'plans/plan.yaml': `${HEADER}${lint}` });
    const { plan } = await loadPlan('plans', { cwd: dir });
    const { config, diagnostics } = await readLintConfig(plan!, dir);
    expect(diagnostics).toEqual([]);
    expect(config.calls).toEqual([
      { callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 }, from: '@/lib/analytics', name: { suffix: ' - [WEB]' } },
      { callee: 'send', call: 'track', message: 0, from: 'apps/*/src/lib/analytics.ts', name: { prefix: 'App ' } },
      { callee: '*.track', call: 'page', event: { index: 0 }, properties: { index: 1 }, name: { pattern: '^\\[(\\w+)\\] (.*)$', replace: '$2 ($1)' } },
    ]);
    // The Sheets push writes the header back from `written`: exactly what the file says.
    expect(plan!.lint!.written).toEqual({
      calls: [
        { callee: 'track', from: '@/lib/analytics', name: { suffix: ' - [WEB]' } },
        { callee: 'send', from: 'apps/*/src/lib/analytics.ts', message: 0, name: { prefix: 'App ' } },
        { callee: '*.track', type: 'page', name: { pattern: '^\\[(\\w+)\\] (.*)$', replace: '$2 ($1)' } },
      ],
    });
  });

  // Line numbers count from the header: the `lint:` key is on line 7.
  const invalid: { name: string; lint: string; expected: [string, string, number, number][] }[] = [
    { name: 'an unknown key, with a did-you-mean', lint: 'lint:\n  recievers: [x]', expected: [['unknown-key', 'unknownKey', 8, 3]] },
    { name: 'a receiver that is not a name', lint: 'lint:\n  receivers: [ok, "not a name"]', expected: [['invalid-value', 'invalidValue', 8, 19]] },
    { name: 'calls that are not a list', lint: 'lint:\n  calls: track', expected: [['invalid-value', 'invalidValue', 8, 10]] },
    { name: 'a wrapper without a callee', lint: 'lint:\n  calls:\n    - { properties: 1 }', expected: [['missing-key', 'missingKey', 9, 7]] },
    { name: 'an unknown call type', lint: 'lint:\n  calls:\n    - { callee: t, type: trak }', expected: [['invalid-value', 'invalidEnumChoice', 9, 26]] },
    { name: 'a bad argument', lint: 'lint:\n  calls:\n    - { callee: t, properties: -1 }', expected: [['invalid-value', 'invalidValue', 9, 32]] },
    { name: 'a bad callee', lint: 'lint:\n  calls:\n    - { callee: "track()" }', expected: [['invalid-value', 'invalidValue', 9, 17]] },
    { name: 'a wrapper with both event and message', lint: 'lint:\n  calls:\n    - { callee: t, event: 0, message: 0 }', expected: [['invalid-value', 'invalidValue', 9, 30]] },
    { name: 'a message with a key', lint: 'lint:\n  calls:\n    - { callee: t, message: 0.event }', expected: [['invalid-value', 'invalidValue', 9, 29]] },
    { name: 'an empty from', lint: 'lint:\n  calls:\n    - { callee: t, from: "" }', expected: [['invalid-value', 'invalidValue', 9, 26]] },
    { name: 'an unknown key of a name transform', lint: 'lint:\n  calls:\n    - callee: t\n      name: { sufix: x }', expected: [['unknown-key', 'unknownKey', 10, 15]] },
    { name: 'an invalid regular expression', lint: 'lint:\n  calls:\n    - callee: t\n      name: { pattern: "(a", replace: x }', expected: [['invalid-pattern', 'invalidPattern', 10, 24]] },
    { name: 'a pattern with a suffix', lint: 'lint:\n  calls:\n    - callee: t\n      name: { pattern: a, replace: b, suffix: c }', expected: [['invalid-value', 'invalidValue', 10, 39]] },
    { name: 'a pattern without replace', lint: 'lint:\n  calls:\n    - callee: t\n      name: { pattern: a }', expected: [['missing-key', 'missingKey', 10, 13]] },
    { name: 'a replace without pattern', lint: 'lint:\n  calls:\n    - callee: t\n      name: { replace: a }', expected: [['missing-key', 'missingKey', 10, 13]] },
    { name: 'a name transform that is not a mapping', lint: 'lint:\n  calls:\n    - callee: t\n      name: " - [WEB]"', expected: [['invalid-value', 'notAMapping', 10, 13]] },
    { name: 'an empty name transform', lint: 'lint:\n  calls:\n    - callee: t\n      name: {}', expected: [['invalid-value', 'invalidValue', 10, 13]] },
    { name: 'a suffix that is not a string', lint: 'lint:\n  calls:\n    - callee: t\n      name: { suffix: [a] }', expected: [['invalid-value', 'invalidValue', 10, 23]] },
    { name: 'an unknown rule', lint: 'lint:\n  rules: { unknown-propery: off }', expected: [['unknown-key', 'unknownKey', 8, 12]] },
    { name: 'a bad severity', lint: 'lint:\n  rules: { unknown-property: fatal }', expected: [['invalid-value', 'invalidEnumChoice', 8, 30]] },
  ];

  it.each(invalid)('$name is a located diagnostic', async ({ lint, expected }) => {
    const { diagnostics } = await readConfig(lint);
    const actual = diagnostics.map((d) => [d.ruleId, d.messageId, (d.location as { line: number }).line, (d.location as { column: number }).column]);
    expect(actual).toEqual(expected);
    for (const d of diagnostics) expect((d.location as { file: string }).file).toBe('plans/plan.yaml');
  });
});

describe('--call', () => {
  it.each([
    ['track', { callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 } }],
    ['this.analyticsService.track:properties=2', { callee: 'this.analyticsService.track', call: 'track', event: { index: 0 }, properties: { index: 2 } }],
    ['identifyUser:type=identify,properties=1', { callee: 'identifyUser', call: 'identify', properties: { index: 1 } }],
    ['*.send:event=0.name,properties=0.data', { callee: '*.send', call: 'track', event: { index: 0, key: 'name' }, properties: { index: 0, key: 'data' } }],
    ['track:from=@/lib/analytics,suffix= - [WEB]', { callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 }, from: '@/lib/analytics', name: { suffix: ' - [WEB]' } }],
    ['track:from=apps/{web,dash}/src/lib/*.ts,prefix=[,suffix=], x', { callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 }, from: 'apps/{web,dash}/src/lib/*.ts', name: { prefix: '[', suffix: '], x' } }],
    ['send:message=1,type=identify', { callee: 'send', call: 'identify', message: 1 }],
    ['track:pattern=^(.*) - \\[(\\w+)\\]$,replace=$1', { callee: 'track', call: 'track', event: { index: 0 }, properties: { index: 1 }, name: { pattern: '^(.*) - \\[(\\w+)\\]$', replace: '$1' } }],
  ])('%s', (spec, expected) => {
    expect(parseCallSpec(spec)).toEqual(expected);
  });

  it.each([
    'track(', 'track:props=1', 'track:type=alias', 'track:properties=x', 'track:message=0,event=1', 'track:message=0.x', 'track:from=',
    'track:pattern=(a,replace=b', 'track:pattern=a', 'track:replace=a', 'track:pattern=a,replace=b,suffix=c', 'track:suffix=a,suffix=b',
  ])('rejects %s', (spec) => {
    expect(() => parseCallSpec(spec)).toThrow(ConfigError);
  });
});
