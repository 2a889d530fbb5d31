import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';
import { HttpError } from './errors.js';

export interface BodyLimit {
  /** Largest body accepted, in bytes, after decompression (and before it). */
  limit: number;
  /** The 413 to answer with when the body is over the limit. */
  tooLarge: () => HttpError;
}

/**
 * Reads a request body into one Buffer, inflating gzip/deflate bodies on the fly. Stops as soon as
 * the body (compressed or inflated) passes the limit, so a small gzip bomb costs at most `limit` bytes.
 */
export function readBody(req: IncomingMessage, { limit, tooLarge }: BodyLimit): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(tooLarge());
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let inflater: Gunzip | Inflate | undefined;
  if (encoding === 'gzip' || encoding === 'x-gzip') inflater = createGunzip();
  else if (encoding === 'deflate') inflater = createInflate();
  else if (encoding !== 'identity' && encoding !== '') {
    return Promise.reject(new HttpError('unsupportedEncoding', { encoding }));
  }
  return inflater ? readInflated(req, inflater, encoding, limit, tooLarge) : readPlain(req, limit, tooLarge);
}

function readPlain(req: IncomingMessage, limit: number, tooLarge: () => HttpError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function readInflated(req: IncomingMessage, inflater: Gunzip | Inflate, encoding: string, limit: number, tooLarge: () => HttpError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let raw = 0;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(inflater);
      inflater.destroy();
      reject(error);
    };
    req.on('data', (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > limit) fail(tooLarge());
    });
    req.on('error', fail);
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) fail(tooLarge());
      else chunks.push(chunk);
    });
    inflater.on('error', (error) => fail(new HttpError('badEncoding', { encoding, detail: error.message })));
    inflater.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, size));
    });
    req.pipe(inflater);
  });
}
