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
    // No line end in what was read: the request line itself is what overflowed.
    status = packet && packet.indexOf('\r\n') === -1 && packet.indexOf('\n') === -1 ? '414 URI Too Long' : '431 Request Header Fields Too Large';
  }
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
