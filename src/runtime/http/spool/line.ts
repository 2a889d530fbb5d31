/** One accepted message to spool: the JSON to forward, with when and how it came in. */
export interface SpoolEntry {
  /** When the proxy accepted the message (ms since the epoch): forwarding shifts `sentAt` by the wait. */
  receivedAt: number;
  /** The write key the client sent, forwarded upstream with the message ('' when there was none). */
  writeKey: string;
  /** The message, serialized once at acceptance. */
  json: string;
}

/** An entry read from the spool: the JSON as the bytes written to disk, and its line's size. */
export interface StoredEntry {
  /** When the proxy accepted the message (ms since the epoch). */
  receivedAt: number;
  /** The write key the client sent ('' when there was none). */
  writeKey: string;
  /** The UTF-8 JSON, a view of the bytes written (or read back): forwarding copies it, never re-encodes it. */
  data: Buffer;
  /** Bytes of the whole line, for the size bound. */
  size: number;
}

/**
 * Lines as the spool keeps them in memory: the bytes of one write (or of a segment file read
 * back) and where each line ends. One buffer per write instead of an object per message keeps
 * the garbage collector out of the way of a backlog.
 */
export interface LineChunk {
  buffer: Buffer;
  /** Offset of the LF that ends each line. */
  ends: number[];
}

/**
 * A spool line is `receivedAt<TAB>"writeKey"<TAB>json<LF>`. Serialized JSON never holds a raw tab
 * or newline, so the first two tabs split the fields and a line with no LF is a torn write.
 */
export function encodeHead(receivedAt: number, writeKey: string): string {
  return `${receivedAt}\t${JSON.stringify(writeKey)}\t`;
}

/**
 * Encodes entries as spool lines: their bytes, and each line's size. The lines are joined and
 * encoded in one go (a string glued from hundreds of pieces costs several times as much to
 * encode); when the bytes are as many as the characters, all is ASCII and no line needs measuring.
 */
export function encodeEntries(entries: readonly SpoolEntry[]): { buffer: Buffer; sizes: number[]; size: number } {
  const parts: string[] = new Array(entries.length * 3);
  const sizes: number[] = new Array(entries.length);
  let head = '';
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    // Entries of one request share the time and key: encode that part of the line once.
    if (i === 0 || entry.writeKey !== entries[i - 1]!.writeKey || entry.receivedAt !== entries[i - 1]!.receivedAt) {
      head = encodeHead(entry.receivedAt, entry.writeKey);
    }
    parts[3 * i] = head;
    parts[3 * i + 1] = entry.json;
    parts[3 * i + 2] = '\n';
    sizes[i] = head.length + entry.json.length + 1;
  }
  const text = parts.join('');
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length !== text.length) {
    for (let i = 0; i < entries.length; i++) sizes[i] = Buffer.byteLength(parts[3 * i]!) + Buffer.byteLength(parts[3 * i + 1]!) + 1;
  }
  return { buffer, sizes, size: buffer.length };
}

/** Index of the chunk holding entry `index`, given the first entry of each chunk. */
export function chunkOf(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Line `index` of a chunk as an entry. */
export function entryAt(chunk: LineChunk, index: number): StoredEntry {
  const start = index === 0 ? 0 : chunk.ends[index - 1]! + 1;
  return decodeLine(chunk.buffer, start, chunk.ends[index]!, false)!;
}

const TAB = 0x09;
const keys = new Map<string, string>();

/** Reads the line `buffer[start, end)` (without its LF); undefined when it is corrupt. */
export function decodeLine(buffer: Buffer, start: number, end: number, verify: boolean): StoredEntry | undefined {
  // The head is a few dozen bytes: a loop here is cheaper than calls into Buffer#indexOf and #toString.
  const first = findTab(buffer, start, end);
  const second = first === -1 ? -1 : findTab(buffer, first + 1, end);
  if (second === -1 || first === start) return undefined;
  const receivedAt = readTime(buffer, start, first);
  if (!Number.isFinite(receivedAt)) return undefined;
  const data = buffer.subarray(second + 1, end);
  try {
    const writeKey = keyAt(buffer, first + 1, second);
    if (verify) JSON.parse(data.toString('utf8'));
    return writeKey === undefined ? undefined : { receivedAt, writeKey, data, size: end - start + 1 };
  } catch {
    // A corrupt line (a disk error, or a hand-edited file): the caller counts and reports it.
    return undefined;
  }
}

function findTab(buffer: Buffer, from: number, end: number): number {
  for (let i = from; i < end; i++) if (buffer[i] === TAB) return i;
  return -1;
}

/** The time field, as `Number` reads it; digits alone (what the spool writes) are read in place. */
function readTime(buffer: Buffer, start: number, end: number): number {
  if (end - start > 15) return Number(buffer.toString('latin1', start, end));
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = buffer[i]! - 48;
    if (digit < 0 || digit > 9) return Number(buffer.toString('latin1', start, end));
    value = value * 10 + digit;
  }
  return value;
}

let lastKeyBytes: Buffer | undefined;
let lastKey: string | undefined;

/** The write key of a line: lines in a row mostly share it, so the last one is matched byte for byte. */
function keyAt(buffer: Buffer, start: number, end: number): string | undefined {
  const length = end - start;
  if (lastKeyBytes !== undefined && lastKeyBytes.length === length) {
    let same = true;
    for (let k = 0; k < length; k++) {
      if (buffer[start + k] !== lastKeyBytes[k]) {
        same = false;
        break;
      }
    }
    if (same) return lastKey;
  }
  const key = readKey(buffer.toString('utf8', start, end));
  if (key !== undefined) {
    lastKeyBytes = Buffer.from(buffer.subarray(start, end));
    lastKey = key;
  }
  return key;
}

/** Write keys are few: decode each once. */
function readKey(text: string): string | undefined {
  let key = keys.get(text);
  if (key === undefined) {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'string') return undefined;
    key = value;
    if (keys.size < 1000) keys.set(text, key);
  }
  return key;
}
