import type { BatchOutput, NdjsonOptions } from './ndjson-batch.js';
import type { ValidatorOptions } from './types.js';

/** How far an NDJSON run has read. */
export interface Progress {
  /** Bytes read (after decompression). */
  bytes: number;
  /** Lines read, blank ones included. */
  lines: number;
}

/** Options of `validateNdjson`. */
export interface RunOptions extends NdjsonOptions {
  /** The policy overrides and pattern settings of the validator the run builds (on each thread). */
  validator?: ValidatorOptions;
  /**
   * Threads to validate on: 1 (default) is the calling thread alone; N adds N - 1 worker threads,
   * which take batches when they have room while the calling thread validates the rest.
   */
  workers?: number;
  /** The worker script; tests point it at a compiled copy. */
  workerUrl?: URL;
  /** Bytes of lines sent to a worker at a time (default 512 KiB). */
  batchBytes?: number;
  /** Key of the HMAC that `pii: 'hash'` uses (default: plain SHA-256). */
  piiHashKey?: string;
  /** Called as the run reads on (after each stretch of input), for a progress display. */
  onProgress?: (progress: Progress) => void;
}

/** Receives output in input order; the run waits for it, so a slow writer slows the reading. */
export type OutputSink = (output: Pick<BatchOutput, 'records' | 'passed'>) => void | Promise<void>;
