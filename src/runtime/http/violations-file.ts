import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, stat } from 'node:fs/promises';
import { formatViolationRecord, type RecordOptions } from '../record.js';
import type { ValidationResult } from '../types.js';

/** Options of the violations file: record bounds and redaction, rotation, and where problems are logged. */
export interface ViolationsFileOptions extends RecordOptions {
  /** Past this size the file is rotated (`file` → `file.1` → ... ). Default 100 MiB; 0: never. */
  maxFileBytes?: number;
  /** Rotated files kept besides the current one. Default 5. */
  maxFiles?: number;
  /** Told when the file cannot be written. */
  log?: (text: string) => void;
}

/**
 * The `--violations` file: NDJSON, one record per violating message, the shape of `trackplan
 * validate --format json` (dropped messages carry the message itself, within the record size
 * limit, PII redacted). Appended, never truncated, so a restart adds to what the last run wrote;
 * rotated by size, keeping a bounded number of files.
 */
export class ViolationsFile {
  private stream: WriteStream;
  private failure: Error | undefined;
  private bytes = 0;
  private rotating: Promise<void> | undefined;
  /** Records that arrive while the file is being rotated, written to the new file. */
  private pending: string[] = [];
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;

  constructor(readonly path: string, private readonly options: ViolationsFileOptions = {}) {
    this.maxFileBytes = options.maxFileBytes ?? 100 * 1024 * 1024;
    this.maxFiles = Math.max(1, options.maxFiles ?? 5);
    this.stream = this.openStream();
  }

  /** Opens the file (surfacing a bad path at start-up rather than at the first violation). */
  async ready(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      if (this.stream.pending) {
        this.stream.once('ready', () => resolve());
        this.stream.once('error', reject);
      } else if (this.failure) reject(this.failure);
      else resolve();
    });
    this.bytes = (await stat(this.path).catch(() => ({ size: 0 }))).size;
  }

  /** `raw[i]` is the text `results[i]` came from, kept when its message cannot be serialized. */
  write(results: readonly ValidationResult[], raw: readonly (string | undefined)[] = []): void {
    if (this.failure) return;
    let text = '';
    for (let i = 0; i < results.length; i++) text += formatViolationRecord(results[i]!, null, raw[i], this.options);
    if (this.rotating) this.pending.push(text);
    else this.stream.write(text);
    this.bytes += Buffer.byteLength(text);
    if (this.maxFileBytes > 0 && this.bytes >= this.maxFileBytes && !this.rotating) {
      this.rotating = this.rotate().finally(() => {
        this.rotating = undefined;
      });
    }
  }

  async close(): Promise<void> {
    await this.rotating;
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
  }

  private openStream(): WriteStream {
    const stream = createWriteStream(this.path, { flags: 'a' });
    stream.on('error', (error) => {
      this.failure ??= error;
      this.options.log?.(`cannot write the violations file ${this.path}: ${error.message}`);
    });
    return stream;
  }

  /** `file.N-1` → `file.N` ... `file` → `file.1`, dropping the oldest; writes go on into a new `file`. */
  private async rotate(): Promise<void> {
    // Records that came in meanwhile fill the new file up to the limit; the rest rotate it again.
    do {
      const old = this.stream;
      await new Promise<void>((resolve) => old.end(() => resolve()));
      const name = (n: number) => (n === 0 ? this.path : `${this.path}.${n}`);
      // A failed rename (the file went away) must not stop the writes: the next file starts anyway.
      for (let n = this.maxFiles - 1; n >= 0; n--) await rename(name(n), name(n + 1)).catch(() => undefined);
      this.stream = this.openStream();
      this.bytes = 0;
      while (this.pending.length > 0 && this.bytes < this.maxFileBytes) {
        const text = this.pending.shift()!;
        this.stream.write(text);
        this.bytes += Buffer.byteLength(text);
      }
    } while (this.pending.length > 0);
  }
}
