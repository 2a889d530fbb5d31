/**
 * One generated module is written three times: TypeScript (`.ts`), JavaScript (`.js`) and its
 * declarations (`.d.ts`). Code is written once, with its type annotations marked, and printed per
 * output, so the three cannot drift apart.
 */
export type Output = 'ts' | 'js' | 'dts';

/** Prints a type annotation in TypeScript only: `x${t(': string')}`. */
export type Annotate = (annotation: string) => string;

export function annotator(output: Output): Annotate {
  return output === 'ts' ? (annotation) => annotation : () => '';
}

export interface Param {
  name: string;
  type: string;
  optional?: boolean;
}

/** An exported function: JSDoc, signature and a body printed per output. */
export interface FunctionSource {
  doc: string;
  name: string;
  params: Param[];
  returns: string;
  body: (t: Annotate) => string;
}

export function printFunction(fn: FunctionSource, output: Output): string {
  const params = fn.params.map((p) => (output === 'js' ? p.name : `${p.name}${p.optional ? '?' : ''}: ${p.type}`)).join(', ');
  const returns = output === 'js' ? '' : `: ${fn.returns}`;
  if (output === 'dts') return `${fn.doc}\nexport declare function ${fn.name}(${params})${returns};`;
  const body = fn.body(annotator(output)).split('\n').map((line) => (line === '' ? '' : `  ${line}`)).join('\n');
  return `${fn.doc}\nexport function ${fn.name}(${params})${returns} {\n${body}\n}`;
}

/** A section of a module: types (in .ts and .d.ts), code (in .ts and .js), declarations (.d.ts). */
export interface Section {
  types?: string;
  code?: (t: Annotate) => string;
  declarations?: string;
}

export function printSection(section: Section, output: Output): string {
  const parts: string[] = [];
  if (output !== 'js' && section.types) parts.push(section.types);
  if (output !== 'dts' && section.code) parts.push(section.code(annotator(output)));
  if (output === 'dts' && section.declarations) parts.push(section.declarations);
  return parts.filter((part) => part !== '').join('\n\n');
}
