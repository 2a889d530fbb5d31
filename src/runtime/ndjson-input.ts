import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ConfigError } from '../core/errors.js';

/** Chunks of this size keep the per-chunk overhead of streams negligible. */
const READ_BYTES = 1 << 20;

/** An NDJSON input opened for reading, as chunks of bytes. */
export interface NdjsonInput {
  /** `-` for stdin, else the path as given. */
  name: string;
  /** The bytes, decompressed when the input is gzip; read once. */
  chunks: AsyncIterable<Buffer>;
  /** Size on disk (compressed for .gz), when known. */
  size: number | undefined;
}

/**
 * Opens an NDJSON file or stdin (`-`). Gzip input is recognized by its magic bytes, whatever the
 * name, and inflated on the fly. A missing or unreadable file is a `ConfigError`.
 */
export async function openNdjsonInput(file: string, stdin?: NodeJS.ReadableStream): Promise<NdjsonInput> {
  if (file === '-') return { name: '-', chunks: maybeGunzip((stdin ?? process.stdin) as AsyncIterable<Buffer>, '-'), size: undefined };
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read events file ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  if (info.isDirectory()) throw new ConfigError(`cannot read events file ${file}: it is a folder`);
  const stream = createReadStream(file, { highWaterMark: READ_BYTES });
  return { name: file, chunks: maybeGunzip(readErrorsAsConfig(stream, file), file), size: info.size };
}

async function* readErrorsAsConfig(stream: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (error) {
    throw new ConfigError(`cannot read events file ${file}: ${(error as Error).message}`);
  }
}

async function* maybeGunzip(source: AsyncIterable<Buffer>, name: string): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  // The magic is two bytes; a pipe may deliver one at first: gather until there are two (or the end).
  const gathered: Buffer[] = [];
  let length = 0;
  while (length < 2) {
    const item = await iterator.next();
    if (item.done) break;
    gathered.push(item.value);
    length += item.value.length;
  }
  if (length === 0) return;
  const head = gathered.length === 1 ? gathered[0]! : Buffer.concat(gathered);
  if (!(head[0] === 0x1f && head[1] === 0x8b)) {
    yield head;
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
    return;
  }
  const rest = Readable.from((async function* () {
    yield head;
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
  })(), { objectMode: false });
  const gunzip = createGunzip({ chunkSize: READ_BYTES });
  const done = pipeline(rest, gunzip).catch((error: Error) => error);
  try {
    yield* gunzip as AsyncIterable<Buffer>;
  } catch (error) {
    throw new ConfigError(`${name === '-' ? 'stdin' : name} is not valid gzip: ${(error as Error).message}`);
  }
  const error = await done;
  if (error) throw new ConfigError(`${name === '-' ? 'stdin' : name} is not valid gzip: ${error.message}`);
}
