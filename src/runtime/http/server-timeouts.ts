import type { ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';

/** How long a client connection may take, so slow clients (slowloris) cannot hold sockets for ever. */
export interface Timeouts {
  /** Until the request's headers are in. Default 10 s. */
  headersMs: number;
  /** Until the whole request (headers and body) is in. Default 30 s. */
  bodyMs: number;
  /** An idle keep-alive connection is closed after this. Default 65 s (above SDKs' and load balancers' 60 s). */
  idleMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, bodyMs: 30_000, idleMs: 65_000 };

/** The `node:http` server options for the timeouts (checked at least once a second). */
export function applyTimeouts(timeouts: Timeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    requestTimeout: Math.max(timeouts.bodyMs, timeouts.headersMs),
    connectionsCheckingInterval: Math.min(1000, Math.max(50, Math.floor(timeouts.headersMs / 4))),
  };
}

/** A request line longer than this, in a request over the header limit, is answered 414. */
const REQUEST_LINE_BYTES = 8 * 1024;

/**
 * Answers what the HTTP parser refuses before a request exists: a request line over the header
 * limit gets 414 (URI too long) rather than 431, a timeout 408, the rest 400.
 */
export function answerClientError(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  let status = '400 Bad Request';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') status = '408 Request Timeout';
  else if (error.code === 'HPE_HEADER_OVERFLOW') {
    const packet = error.rawPacket;
    const lineEnd = packet ? packet.indexOf('\n') : -1;
    // The request line alone is past half the header limit (or has no end in what was read): the URL overflowed.
    status = packet && (lineEnd === -1 || lineEnd > REQUEST_LINE_BYTES) ? '414 URI Too Long' : '431 Request Header Fields Too Large';
  }
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
