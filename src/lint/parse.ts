import path from 'node:path';
import { ts } from 'ts-morph';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS, '.mts': ts.ScriptKind.TS, '.cts': ts.ScriptKind.TS, '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS, '.jsx': ts.ScriptKind.JSX,
};

/** The script kind of a file by its extension (TypeScript when unknown). */
export function scriptKindOf(absolute: string): ts.ScriptKind {
  return SCRIPT_KINDS[path.extname(absolute).toLowerCase()] ?? ts.ScriptKind.TS;
}

export interface SyntaxProblem {
  message: string;
  start: number;
}

/**
 * Parses one file. JSDoc is parsed in JavaScript files only (where it carries types); parent
 * pointers are left to the binder, which sets them if the type checker is ever needed.
 */
export function parseSource(absolute: string, text: string): ts.SourceFile {
  const kind = scriptKindOf(absolute);
  return ts.createSourceFile(
    absolute,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo },
    false,
    kind,
  );
}

/** The parser's own errors (it recovers from them, so the tree cannot be trusted where they are). */
export function syntaxProblems(sourceFile: ts.SourceFile): SyntaxProblem[] {
  // `parseDiagnostics` is not in the public typings, but it is how tools read parse errors without a program.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => ({ message: ts.flattenDiagnosticMessageText(d.messageText, ' '), start: d.start ?? 0 }));
}
