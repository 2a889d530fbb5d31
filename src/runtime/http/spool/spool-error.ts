/**
 * Why the spool cannot take messages now. Storage knows nothing of HTTP: the ingestion layer maps
 * every kind to a 503 with `Retry-After` (the client keeps the messages and sends them again).
 */
export type SpoolErrorKind = 'full' | 'closing' | 'unavailable';

/** An append the spool refused, appending nothing: full, closing, or a failed write (ENOSPC, EIO, EMFILE). */
export class SpoolError extends Error {
  /** `SpoolError`, as stack traces and logs print it. */
  override name = 'SpoolError';

  constructor(
    /** Why: full, closing, or a failed write. */
    readonly kind: SpoolErrorKind,
    /** Bytes waiting for the upstream when the append was refused. */
    readonly waitingBytes: number,
    /** The errno code of a failed write (`ENOSPC`), for `unavailable`. */
    readonly errno?: string,
  ) {
    super(kind === 'full' ? `the spool is full (${waitingBytes} bytes waiting)` : kind === 'closing' ? 'the spool is closing' : `the spool cannot write (${errno ?? 'I/O error'})`);
  }
}
