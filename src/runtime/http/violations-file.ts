import { createWriteStream, type WriteStream } from 'node:fs';
import { toViolationRecord } from '../record.js';
import type { ValidationResult } from '../types.js';

/**
 * The `--violations` file: NDJSON, one record per violating message, the shape of `trackplan
 * validate --format json` (dropped messages carry the message itself, so nothing is lost).
 * Appended, never truncated, so a restart adds to what the last run wrote.
 */
export class ViolationsFile {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(readonly path: string, private readonly log?: (text: string) => void) {
    this.stream = createWriteStream(path, { flags: 'a' });
    this.stream.on('error', (error) => {
      this.failure ??= error;
      this.log?.(`cannot write the violations file ${path}: ${error.message}`);
    });
  }

  /** Opens the file (surfacing a bad path at start-up rather than at the first violation). */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.stream.pending) {
        this.stream.once('ready', () => resolve());
        this.stream.once('error', reject);
      } else if (this.failure) reject(this.failure);
      else resolve();
    });
  }

  /** `raw[i]` is the text `results[i]` came from, kept when its message cannot be serialized. */
  write(results: readonly ValidationResult[], raw: readonly (string | undefined)[] = []): void {
    if (this.failure) return;
    let text = '';
    for (let i = 0; i < results.length; i++) text += formatRecord(results[i]!, raw[i]);
    this.stream.write(text);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(() => resolve()));
  }
}

/** The record as a line; a dropped message nested too deeply to serialize is kept as its raw text. */
function formatRecord(result: ValidationResult, raw: string | undefined): string {
  const record = toViolationRecord(result, null);
  try {
    return `${JSON.stringify(record)}\n`;
  } catch {
    const { message: _message, ...rest } = record;
    return `${JSON.stringify(raw === undefined ? rest : { ...rest, raw })}\n`;
  }
}
