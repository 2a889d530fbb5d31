import { createDiagnostic, type Diagnostic } from '../../core/diagnostics.js';
import { SIZE_WARNING_BYTES } from '../../codegen/enforcement-source.js';
import type { ExportResult } from '../../sources/interop/types.js';

const MESSAGES = {
  largeCode: { ruleId: 'export/large-code', message: 'the exported {format} is {kib} KiB; platform editors get slow past {limit} KiB: consider one export per source' },
} as const;

/** One exported file, with a warning when it is large enough to be awkward in the platform's editor. */
export function singleFile(format: string, name: string, code: string): ExportResult {
  const diagnostics: Diagnostic[] = [];
  const bytes = Buffer.byteLength(code);
  if (bytes > SIZE_WARNING_BYTES) {
    diagnostics.push(createDiagnostic(MESSAGES, 'largeCode', undefined, { format, kib: Math.ceil(bytes / 1024), limit: SIZE_WARNING_BYTES / 1024 }, { severity: 'warning' }));
  }
  return { files: new Map([[name, code]]), diagnostics };
}
