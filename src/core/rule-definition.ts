/**
 * The shape every rule shares, plan rules (src/core/rules) and lint rules (src/lint/rules) alike:
 * a stable id, `meta` with the default severity in the vocabulary of the plan header's `rules:` and
 * `lint.rules:` (`error`, `warn`, or `off` for a rule users opt into) and a one-line description, and
 * messages keyed by stable ids.
 */
export interface RuleDefinition<M extends string = string> {
  id: string;
  meta: {
    severity: 'error' | 'warn' | 'off';
    /** One line for listings, the README tables and SARIF `shortDescription`. */
    description: string;
  };
  messages: Record<M, string>;
}
