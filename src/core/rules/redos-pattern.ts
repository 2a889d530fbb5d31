import type { PlanIR } from '../ir.js';
import { defineRule } from './types.js';
import { walkDefinitions } from './walk.js';

/** Every distinct `pattern` of the plan, for the caller to run a ReDoS checker on. */
export function collectPatterns(plan: PlanIR): string[] {
  const patterns = new Set<string>();
  walkDefinitions(plan, (site) => {
    if (site.definition.pattern !== undefined) patterns.add(site.definition.pattern);
  });
  return [...patterns].sort();
}

/**
 * Patterns run on every event the validator sees, on strings the sender controls. A pattern that
 * backtracks catastrophically lets one crafted event stall the collector (ReDoS).
 */
export default defineRule({
  id: 'redos-pattern',
  meta: { severity: 'error', description: 'a `pattern` cannot backtrack catastrophically (ReDoS), as the recheck checker proves' },
  options: {
    boundedLength: {
      kind: 'number', default: 256, minimum: 0,
      description: 'polynomial (not exponential) backtracking is accepted on strings whose maxLength is at most this',
    },
  },
  messages: {
    exponential: '{path}: pattern {pattern} backtracks exponentially (ReDoS); an attack string: {attack}',
    polynomial: '{path}: pattern {pattern} backtracks in {complexity} time (ReDoS) on strings without a maxLength of at most {boundedLength}; an attack string: {attack}',
  },
  check(plan, options, report, env) {
    walkDefinitions(plan, (site) => {
      const { pattern, maxLength, location } = site.definition;
      if (pattern === undefined || site.inherits('pattern')) return;
      const verdict = env.patternVerdicts?.get(pattern);
      if (verdict?.status !== 'vulnerable') return;
      const data = { path: site.path, pattern: JSON.stringify(pattern), attack: verdict.attack ?? '(none given)' };
      if (verdict.complexity === 'exponential') report({ messageId: 'exponential', location, data });
      else if (maxLength === undefined || maxLength > options.boundedLength) {
        report({
          messageId: 'polynomial',
          location,
          data: { ...data, complexity: verdict.summary ?? 'polynomial', boundedLength: options.boundedLength },
        });
      }
    });
  },
});
