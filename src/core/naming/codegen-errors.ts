import { createDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Location } from '../location.js';

/** What can stop code generation for a plan that is otherwise valid, keyed by stable message ids. */
export const CODEGEN_ERRORS = {
  nameCollision: {
    ruleId: 'codegen-name-collision',
    message: 'event "{name}" compiles to the function name {identifier}, as does "{other}" (at {otherLocation}); rename one of them',
  },
  noIdentifier: {
    ruleId: 'codegen-unnameable-event',
    message: 'event "{name}" has no letter or digit to build a function name from; rename it',
  },
} as const satisfies Record<string, { ruleId: string; message: string }>;

export type CodegenErrorId = keyof typeof CODEGEN_ERRORS;

export function codegenError(
  messageId: CodegenErrorId,
  location: Location | undefined,
  data: Record<string, string | number>,
  related?: Location[],
): Diagnostic {
  return createDiagnostic(CODEGEN_ERRORS, messageId, location, data, { related });
}
