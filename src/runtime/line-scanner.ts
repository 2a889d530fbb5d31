/** A run of complete lines, `buf[start, end)`, each ending in `\n` except perhaps the input's last. */
export interface LineRegion {
  kind: 'lines';
  buf: Buffer;
  start: number;
  end: number;
}

/** One line over the byte limit. Its bytes were skipped, never buffered. */
export interface OversizeLine {
  kind: 'oversize';
  bytes: number;
}

export type ScanEntry = LineRegion | OversizeLine;

const NEWLINE = 10;
const CR = 13;

/**
 * Cuts a byte stream into runs of whole lines without copying the lines that fit in a chunk.
 * A line that spans chunks is joined; one that grows past `maxLineBytes` is skipped to its
 * newline, so memory stays bounded whatever the input. A UTF-8 byte order mark is dropped.
 */
export class LineScanner {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes of the current line while it is being skipped for its size; -1 when not skipping. */
  private skipped = -1;
  private started = false;

  constructor(private readonly maxLineBytes: number) {}

  push(input: Buffer): ScanEntry[] {
    let chunk = input;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const entries: ScanEntry[] = [];
    let pos = 0;
    if (this.pendingBytes > 0 || this.skipped >= 0) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        this.hold(chunk);
        return entries;
      }
      const lineBytes = this.pendingBytes + Math.max(this.skipped, 0) + newline - (lastByte(this.pending, chunk, newline) === CR ? 1 : 0);
      if (this.skipped >= 0 || lineBytes > this.maxLineBytes) {
        entries.push({ kind: 'oversize', bytes: lineBytes });
      } else {
        const joined = Buffer.concat([...this.pending, chunk.subarray(0, newline + 1)]);
        entries.push({ kind: 'lines', buf: joined, start: 0, end: joined.length });
      }
      this.pending = [];
      this.pendingBytes = 0;
      this.skipped = -1;
      pos = newline + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= pos) {
      entries.push({ kind: 'lines', buf: chunk, start: pos, end: last + 1 });
      pos = last + 1;
    }
    if (pos < chunk.length) this.hold(chunk.subarray(pos));
    return entries;
  }

  /** The last line when the input does not end with a newline. */
  end(): ScanEntry[] {
    const entries: ScanEntry[] = [];
    if (this.skipped >= 0) {
      entries.push({ kind: 'oversize', bytes: this.skipped });
    } else if (this.pendingBytes > 0) {
      const joined = Buffer.concat(this.pending);
      if (this.pendingBytes - (joined[joined.length - 1] === CR ? 1 : 0) > this.maxLineBytes) entries.push({ kind: 'oversize', bytes: this.pendingBytes });
      else entries.push({ kind: 'lines', buf: joined, start: 0, end: joined.length });
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.skipped = -1;
    return entries;
  }

  private hold(bytes: Buffer): void {
    if (this.skipped >= 0) {
      this.skipped += bytes.length;
      return;
    }
    // A copy: the chunk itself may be handed to a worker thread (transferred) once its lines are out.
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    // +1: a trailing CR does not count against the limit.
    if (this.pendingBytes > this.maxLineBytes + 1) {
      this.skipped = this.pendingBytes;
      this.pending = [];
      this.pendingBytes = 0;
    }
  }
}

function lastByte(pending: readonly Buffer[], chunk: Buffer, newline: number): number | undefined {
  if (newline > 0) return chunk[newline - 1];
  const tail = pending[pending.length - 1];
  return tail?.[tail.length - 1];
}
