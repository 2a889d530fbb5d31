import { mkdir, rm, type FileHandle } from 'node:fs/promises';
import { CursorSaver, readCursor } from './cursor.js';
import { defaultFileIo, syncDir, writeAll, writeAllSync, type FileIo } from './file-io.js';
import { chunkOf, encodeEntries, entryAt, type LineChunk, type SpoolEntry, type StoredEntry } from './line.js';
import { lockSpool } from './lock.js';
import { listSegments, readSegment, segmentFile, type RecoveryProblem } from './recover.js';
import { SpoolError } from './spool-error.js';

/**
 * When the spool calls fsync: `always` before every acknowledgement (requests that arrive together
 * share one), `interval` once per `fsyncIntervalMs` (a machine crash can lose that much; a process
 * crash loses nothing, since the write itself is done before the 200), `never` leaves it to the OS.
 */
export type FsyncPolicy = 'always' | 'interval' | 'never';

/** Options of the on-disk spool. */
export interface SpoolOptions {
  /** The spool's folder: segment files and the lock file; created when missing. */
  dir: string;
  /** Bound on the bytes waiting for the upstream; appends past it fail with a 503. Default 1 GiB. */
  maxBytes?: number;
  /** A segment file is closed and a new one started past this size. Default 16 MiB. */
  segmentBytes?: number;
  /** When writes reach the disk before or after the 200 (see `FsyncPolicy`). Default `interval`. */
  fsync?: FsyncPolicy;
  /** How often the `interval` policy syncs. Default 1000 ms. */
  fsyncIntervalMs?: number;
  /** How much of the waiting data stays in memory as well; the rest is read back from disk. Default 64 MiB. */
  memoryBytes?: number;
  /** The file operations the spool's writes go through (tests inject failures: EMFILE, ENOSPC). */
  io?: FileIo;
  /** Told when a write or a rotation fails (the spool carries on; the caller logs it). */
  onError?: (error: NodeJS.ErrnoException, during: 'write' | 'rotate') => void;
}

interface Segment {
  seq: number;
  file: string;
  /** The lines, one chunk per write; undefined while the segment is only on disk. */
  chunks: LineChunk[] | undefined;
  /** Index of the first entry of each chunk. */
  starts: number[];
  count: number;
  bytes: number;
}

interface Job {
  buffer: Buffer;
  sizes: number[];
  size: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Past this much written and all of it delivered, the active segment is replaced to give its space back. */
const RECLAIM_BYTES = 1024 * 1024;

/** The on-disk queue between acceptance and delivery: appended before the 200, trimmed on delivery. */
export class Spool {
  /** Problems found while reading back what a previous run left (torn or corrupt lines). */
  readonly problems: RecoveryProblem[] = [];
  private readonly segments: Segment[] = [];
  /** Entries of segments[0] already delivered. */
  private head = 0;
  private active!: Segment;
  private handle!: FileHandle;
  private waiting = 0;
  private waitingBytes = 0;
  private queuedBytes = 0;
  private memory = 0;
  private queue: Job[] = [];
  private writing: Promise<void> | undefined;
  private dirty = false;
  private closing = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly cursor: CursorSaver;
  private dataWaiters: (() => void)[] = [];
  private unlock: () => Promise<void> = async () => undefined;
  private readonly maxBytes: number;
  private readonly segmentBytes: number;
  private readonly fsync: FsyncPolicy;
  private readonly memoryBytes: number;
  private readonly io: FileIo;
  /** Asks the writer to replace the active segment once everything is delivered. */
  private reclaim = false;
  /** The errno of the last failed write, until a write succeeds again: the spool cannot accept meanwhile. */
  private failure: string | undefined;

  private constructor(private readonly options: SpoolOptions) {
    this.maxBytes = options.maxBytes ?? 1024 ** 3;
    this.segmentBytes = options.segmentBytes ?? 16 * 1024 ** 2;
    this.fsync = options.fsync ?? 'interval';
    this.memoryBytes = options.memoryBytes ?? 64 * 1024 ** 2;
    this.io = options.io ?? defaultFileIo;
    this.cursor = new CursorSaver(options.dir, () => {
      const segment = this.segments[0];
      return segment ? { segment: segment.seq, entry: this.head } : { segment: this.active.seq + 1, entry: 0 };
    });
  }

  /** Opens (and locks) a spool folder, reading back whatever a previous run did not deliver. */
  static async open(options: SpoolOptions): Promise<Spool> {
    const spool = new Spool(options);
    await mkdir(options.dir, { recursive: true });
    spool.unlock = await lockSpool(options.dir);
    try {
      await spool.recover();
    } catch (error) {
      await spool.unlock();
      throw error;
    }
    return spool;
  }

  /** Messages and bytes accepted but not yet delivered. */
  get stats(): { messages: number; bytes: number; maxBytes: number; segments: number } {
    return { messages: this.waiting, bytes: this.waitingBytes, maxBytes: this.maxBytes, segments: this.segments.length };
  }

  /** True when the spool has room for `bytes` more: what `/health` reports. */
  hasRoom(bytes = 0): boolean {
    return this.waitingBytes + this.queuedBytes + bytes <= this.maxBytes;
  }

  /** The errno of the last write when it failed (ENOSPC, EIO): until a write succeeds, `/health` says unavailable. */
  get writeFailure(): string | undefined {
    return this.failure;
  }

  /**
   * Appends messages; resolves once they are written (and synced, by the policy). Rejects with a
   * SpoolError, appending nothing, when the spool is full, closing, or its write fails.
   */
  append(entries: readonly SpoolEntry[]): Promise<void> {
    if (this.closing) return Promise.reject(new SpoolError('closing', this.waitingBytes));
    const { buffer, sizes, size } = encodeEntries(entries);
    if (!this.hasRoom(size)) return Promise.reject(new SpoolError('full', this.waitingBytes + this.queuedBytes));
    this.queuedBytes += size;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ buffer, sizes, size, resolve, reject });
      // Without fsync per write, requests of one event-loop turn are gathered and written together
      // with one write(2) into the page cache; that outlives a crash of the process.
      if (!this.writing) this.writing = this.fsync === 'always' ? this.drainQueue() : new Promise((next) => setImmediate(next)).then(() => this.drainQueue());
    });
  }

  /**
   * The oldest undelivered entries after the first `skip` (those already on their way), without
   * removing them: up to `maxMessages`, and `maxBytes` unless the first alone is larger.
   */
  async peek(maxMessages: number, maxBytes: number, skip = 0): Promise<StoredEntry[]> {
    const out: StoredEntry[] = [];
    let bytes = 0;
    let index = this.head + skip;
    for (const segment of this.segments) {
      if (index >= segment.count) {
        index -= segment.count;
        continue;
      }
      const chunks = segment.chunks ?? (await this.load(segment));
      for (let c = chunkOf(segment.starts, index); c < chunks.length; c++) {
        const chunk = chunks[c]!;
        for (let i = index - segment.starts[c]!; i < chunk.ends.length; i++) {
          if (out.length >= maxMessages) return out;
          const entry = entryAt(chunk, i);
          if (out.length > 0 && bytes + entry.size > maxBytes) return out;
          out.push(entry);
          bytes += entry.size;
        }
        index = segment.starts[c + 1] ?? segment.count;
      }
      index = 0;
    }
    return out;
  }

  /** Marks delivered the oldest entries, as `peek` returned them (their sizes leave the bound). */
  ack(delivered: readonly StoredEntry[]): void {
    let left = delivered.length;
    for (const entry of delivered) this.waitingBytes -= entry.size;
    this.waiting -= left;
    while (left > 0 && this.segments.length > 0) {
      const take = Math.min(left, this.segments[0]!.count - this.head);
      this.head += take;
      left -= take;
      if (this.dropDelivered().length === 0 && take === 0) break;
    }
    if (!this.closing) this.cursor.schedule();
    // Everything delivered: start a new segment so the disk space of the written one comes back
    // now, rather than when it fills up or at the next start (it matters on a full disk).
    if (this.waiting === 0 && this.active.bytes >= Math.min(this.segmentBytes, RECLAIM_BYTES) && !this.closing) {
      // Done by the writer, between writes, like every rotation.
      this.reclaim = true;
      this.writing ??= this.drainQueue();
    }
  }

  /** Resolves once more than `known` entries wait (at once if they already do), or the spool closes. */
  waitForData(known = 0): Promise<void> {
    if (this.waiting > known || this.closing) return Promise.resolve();
    return new Promise((resolve) => this.dataWaiters.push(resolve));
  }

  /** Stops accepting, finishes writes, syncs, saves the cursor and releases the lock. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.wake();
    clearInterval(this.timer);
    await this.writing;
    if (this.fsync !== 'never') await this.handle.datasync();
    await this.handle.close();
    if (this.active.count === 0 || (this.segments.length === 1 && this.head >= this.active.count)) {
      // Nothing left to deliver in the last segment: leave no empty file behind.
      this.segments.pop();
      await rm(this.active.file, { force: true });
      if (this.segments.length === 0) this.head = 0;
    }
    await this.cursor.saveNow();
    await this.unlock();
  }

  private async recover(): Promise<void> {
    const cursor = await readCursor(this.options.dir);
    let last = cursor.segment;
    for (const { seq, file } of await listSegments(this.options.dir, cursor)) {
      const read = await readSegment(seq, file, this.problems);
      last = Math.max(last, seq);
      const count = read.sizes.length;
      const skip = seq === cursor.segment && this.segments.length === 0 ? Math.min(cursor.entry, count) : 0;
      if (count === 0 || skip === count) {
        await rm(file, { force: true });
        continue;
      }
      if (this.segments.length === 0) this.head = skip;
      for (let i = skip; i < count; i++) this.waitingBytes += read.sizes[i]!;
      this.waiting += count - skip;
      this.segments.push({ seq, file, chunks: [read.chunk], starts: [0], count, bytes: read.bytes });
      this.memory += read.bytes;
      this.trimMemory();
    }
    await this.startSegment(last + 1);
    if (this.fsync === 'interval') {
      this.timer = setInterval(() => void this.syncIfDirty(), this.options.fsyncIntervalMs ?? 1000);
      this.timer.unref();
    }
  }

  /** The one writer: appends and rotations happen here, one at a time. Never throws. */
  private async drainQueue(): Promise<void> {
    while (this.queue.length > 0 || this.reclaim) {
      if (this.queue.length === 0) {
        this.reclaim = false;
        if (this.waiting === 0 && !this.closing) await this.rotate(true);
        continue;
      }
      const jobs = this.queue;
      this.queue = [];
      const buffer = jobs.length === 1 ? jobs[0]!.buffer : Buffer.concat(jobs.map((job) => job.buffer));
      const size = jobs.reduce((sum, job) => sum + job.size, 0);
      const before = this.active.bytes;
      try {
        if (this.fsync === 'always') {
          await writeAll(this.handle, buffer, this.io);
          await this.handle.datasync();
        } else {
          writeAllSync(this.handle.fd, buffer, this.io);
          this.dirty = true;
        }
      } catch (error) {
        // Leave no partial line behind, so the next append starts a clean line.
        await this.handle.truncate(before).catch(() => undefined);
        const errno = (error as NodeJS.ErrnoException).code ?? 'EIO';
        if (this.waiting === 0 && this.active.bytes > 0 && !this.closing && (await this.rotate(true))) {
          // All delivered: the space of the written segment came back; try these lines again once.
          this.queue.unshift(...jobs);
          continue;
        }
        this.queuedBytes -= size;
        if (this.failure === undefined) this.options.onError?.(error as NodeJS.ErrnoException, 'write');
        this.failure = errno;
        const refused = new SpoolError('unavailable', this.waitingBytes, errno);
        for (const job of jobs) job.reject(refused);
        continue;
      }
      this.failure = undefined;
      this.queuedBytes -= size;
      const ends: number[] = [];
      let offset = 0;
      for (const job of jobs) for (const lineSize of job.sizes) ends.push((offset += lineSize) - 1);
      this.active.chunks!.push({ buffer, ends });
      this.active.starts.push(this.active.count);
      this.active.count += ends.length;
      this.active.bytes += buffer.length;
      this.memory += buffer.length;
      this.waiting += ends.length;
      this.waitingBytes += size;
      for (const job of jobs) job.resolve();
      this.wake();
      if (this.active.bytes >= this.segmentBytes && !this.closing) await this.rotate();
    }
    this.writing = undefined;
  }

  /**
   * Moves appends to a new segment. The next file is opened before the current one is let go:
   * when that fails (EMFILE, ENOSPC, EACCES) appends go on into the current segment, past its
   * size, and the next write tries again. Never throws; true when it moved. With `release`, it
   * waits until the old file is closed and delivered files are deleted (their space is back).
   */
  private async rotate(release = false): Promise<boolean> {
    const seq = this.active.seq + 1;
    const file = segmentFile(this.options.dir, seq);
    let handle: FileHandle;
    try {
      handle = await this.io.open(file, 'a');
      if (this.fsync === 'always') await syncDir(this.options.dir, this.io);
    } catch (error) {
      this.options.onError?.(error as NodeJS.ErrnoException, 'rotate');
      return false;
    }
    const old = this.handle;
    // The closed segment is synced and closed on the side: appends go on into the next one.
    const closed = (this.fsync === 'never' ? old.close() : old.datasync().finally(() => old.close())).catch(() => undefined);
    this.handle = handle;
    this.active = { seq, file, chunks: [], starts: [], count: 0, bytes: 0 };
    this.segments.push(this.active);
    const removed = this.dropDelivered();
    this.trimMemory();
    if (release) await Promise.all([closed, ...removed]);
    return true;
  }

  private async startSegment(seq: number): Promise<void> {
    const file = segmentFile(this.options.dir, seq);
    this.handle = await this.io.open(file, 'a');
    if (this.fsync === 'always') await syncDir(this.options.dir, this.io);
    this.active = { seq, file, chunks: [], starts: [], count: 0, bytes: 0 };
    this.segments.push(this.active);
  }

  /** Deletes delivered segments at the head (never the one being written); one promise per file it deletes. */
  private dropDelivered(): Promise<void>[] {
    const removed: Promise<void>[] = [];
    while (this.segments.length > 1 && this.head >= this.segments[0]!.count) {
      const segment = this.segments.shift()!;
      if (segment.chunks) this.memory -= segment.bytes;
      this.head = 0;
      // A file that fails to go is harmless: the cursor already lies past it, the next start removes it.
      removed.push(rm(segment.file, { force: true }).catch(() => undefined));
    }
    return removed;
  }

  /** Keeps the head (being forwarded) and the active segment in memory; older closed ones go back to disk. */
  private trimMemory(): void {
    for (let s = this.segments.length - 2; s > 0 && this.memory > this.memoryBytes; s--) {
      const segment = this.segments[s]!;
      if (segment === this.active || !segment.chunks) continue;
      segment.chunks = undefined;
      segment.starts = [];
      this.memory -= segment.bytes;
    }
  }

  private async load(segment: Segment): Promise<LineChunk[]> {
    const read = await readSegment(segment.seq, segment.file, undefined, false);
    // Another peek may have loaded it while this one read the file.
    if (!segment.chunks) {
      segment.chunks = [read.chunk];
      segment.starts = [0];
      this.memory += segment.bytes;
    }
    return segment.chunks;
  }

  private async syncIfDirty(): Promise<void> {
    if (!this.dirty || this.closing) return;
    this.dirty = false;
    await this.handle.datasync().catch(() => {
      this.dirty = true;
    });
  }

  private wake(): void {
    const waiters = this.dataWaiters;
    this.dataWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
