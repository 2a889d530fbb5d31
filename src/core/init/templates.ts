import type { NamingConvention } from '../rules/names.js';
import type { SdkName } from './detect.js';

export interface SourceChoice {
  id: string;
  name: string;
  sdk?: SdkName | undefined;
}

export interface HeaderChoices {
  id: string;
  name: string;
  sources: readonly SourceChoice[];
  /** Conventions of the existing event and property names; snake_case (the rule's default) sets nothing. */
  events: NamingConvention;
  properties: NamingConvention;
}

/**
 * The header of a new plan as YAML data. `require-owner` starts as a warning: a first plan (or
 * one drafted from code) has no owners yet, and its first `check` should show what to fill in,
 * not fail. The naming convention follows the names already in use.
 */
export function draftHeader(choices: HeaderChoices, version = '0.1.0'): Record<string, unknown> {
  const rules: Record<string, unknown> = { 'require-owner': 'warn' };
  if (choices.events !== 'snake_case' || choices.properties !== 'snake_case') {
    rules['naming-convention'] = ['error', { events: choices.events, properties: choices.properties }];
  }
  return {
    trackplan: 1,
    id: choices.id,
    name: choices.name,
    version,
    ...(choices.sources.length > 0 ? { sources: Object.fromEntries(choices.sources.map((s) => [s.id, { name: s.name, ...(s.sdk ? { sdk: s.sdk } : {}) }])) } : {}),
    rules,
  };
}

/** types.yaml of a new plan: the places for custom types and the shared property library. */
export const TYPES_TEMPLATE = `# Reusable definitions. A property with no type in an event refers to the library entry of its name.
types: {}
#  email: { type: string, format: email, pii: true, description: An email address }

properties: {}
#  email: { type: email, description: Work email given at sign-up }
`;

/** The line that keeps serve's spool and other local state out of git. */
export const GITIGNORE_ENTRY = '.trackplan/';

/** .gitignore with the entry added, or undefined when it is already there. */
export function addGitignoreEntry(text: string | undefined): string | undefined {
  const lines = (text ?? '').split(/\r?\n/).map((line) => line.trim());
  if (lines.some((line) => line === GITIGNORE_ENTRY || line === '.trackplan' || line === '/.trackplan' || line === '/.trackplan/')) return undefined;
  const base = text === undefined || text === '' ? '' : text.endsWith('\n') ? text : `${text}\n`;
  return `${base}# trackplan: serve's spool\n${GITIGNORE_ENTRY}\n`;
}

/** The package.json scripts init adds (only names that are free). */
export function trackplanScripts(dir: string): Record<string, string> {
  const plan = dir === 'plans' ? '' : ` --plan ${dir}`;
  return {
    'trackplan:check': `trackplan check${plan}`,
    'trackplan:build': `trackplan build${plan}`,
    'trackplan:lint': `trackplan lint${plan}`,
  };
}

/**
 * package.json text with the scripts added (its indentation kept), and the names added; undefined
 * when every script is there already.
 */
export function addScripts(text: string, scripts: Readonly<Record<string, string>>): { text: string; added: string[] } | undefined {
  const json = JSON.parse(text) as Record<string, unknown>;
  const current = (json['scripts'] ?? {}) as Record<string, string>;
  const added = Object.keys(scripts).filter((name) => !(name in current));
  if (added.length === 0) return undefined;
  json['scripts'] = { ...current, ...Object.fromEntries(added.map((name) => [name, scripts[name]!])) };
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  return { text: `${JSON.stringify(json, null, indent)}${text.endsWith('\n') ? '\n' : ''}`, added };
}

/** The GitHub Actions recipe for a plan in `dir` (the recipe assumes plans/). */
export function workflowFor(recipe: string, dir: string): string {
  if (dir === 'plans') return recipe;
  return recipe.replace(/npx trackplan (check|diff|build|lint)\b/g, `npx trackplan $1 --plan ${dir}`).replace(/it expects the plan\n# in plans\//, `it expects the plan\n# in ${dir}/`);
}
