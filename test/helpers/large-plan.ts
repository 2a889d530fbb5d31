const WORDS = ['checkout', 'invoice', 'webhook', 'warehouse', 'campaign', 'onboarding', 'referral', 'pipeline', 'dashboard', 'billing', 'renewal', 'trial', 'export', 'segment', 'cohort', 'audit', 'mobile', 'partner', 'catalog', 'survey'];
const KINDS = [
  (i: number) => `{ type: string, required: true, description: "Property ${i}" }`,
  () => '{ type: integer, minimum: 0, maximum: 1000 }',
  () => '{ type: money }',
  () => '{ required: true }',
  () => '{ type: boolean }',
  () => '{ type: string, enum: [a, b, c], nullable: true }',
  () => '{ type: string, pattern: "^[a-z]+$", maxLength: 40 }',
  () => '{ type: array, items: { type: object, properties: { sku: { type: string, required: true }, qty: integer } } }',
  () => '{ type: object, properties: { street: string, city: { type: string, required: true } } }',
  () => '{ type: string, format: date-time }',
];

/** The description word of event `i`: each of the 20 words is used by every 20th event. */
export const wordOf = (i: number): string => WORDS[i % WORDS.length]!;

/**
 * A plan of `events` track events with 10 properties each (strings, numbers, enums, patterns,
 * arrays of objects, nested objects, a library property), in 20 files, as `tempTree` input.
 */
export function largePlanFiles(events: number): Record<string, string> {
  const files: Record<string, string> = {
    'plans/plan.yaml': 'trackplan: 1\nid: large\nname: Large plan\nversion: 1.0.0\nsources:\n  web: { name: Web, sdk: rudderstack-js }\n  server: { name: Server, sdk: rudderstack-node }\n',
    'plans/types.yaml': 'types:\n  email: { type: string, format: email, pii: true }\n  money: { type: number, minimum: 0 }\nproperties:\n  email: { type: email, description: Email }\n',
  };
  const perFile = Math.ceil(events / 20);
  for (let f = 0; f < 20; f++) {
    const lines = ['events:'];
    for (let e = f * perFile; e < Math.min(events, (f + 1) * perFile); e++) {
      lines.push(`  event_${e}:`, `    description: Event number ${e} of the ${wordOf(e)} flow.`, `    owner: team-${e % 7}`, `    sources: [${e % 2 === 0 ? 'web' : 'server'}]`, '    properties:');
      KINDS.forEach((kind, p) => lines.push(`      ${p === 3 ? 'email' : `prop_${p}`}: ${kind(p)}`));
    }
    files[`plans/events/file_${String(f).padStart(2, '0')}.yaml`] = `${lines.join('\n')}\n`;
  }
  return files;
}
