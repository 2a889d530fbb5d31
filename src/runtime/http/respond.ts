import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './errors.js';

/** The success answer of RudderStack's data plane; Segment's SDKs only look at the status. */
export function sendOk(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': 2, ...corsHeaders(req) });
  res.end('OK');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * The status counted for a request whose client went away before the answer (nginx's 499): not a
 * server error, and nothing can be sent.
 */
export const CLIENT_CLOSED = 499;

/** Answers a refused request: `{ "code", "message" }` with the status of its code. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): number {
  if (isClientGone(req, error)) {
    res.destroy();
    return CLIENT_CLOSED;
  }
  if (res.headersSent) {
    res.destroy();
    return 500;
  }
  const known = error instanceof HttpError;
  const status = known ? error.status : 500;
  const headers: Record<string, string> = { ...corsHeaders(req), ...(known ? error.headers : {}) };
  if (!req.complete) discardRest(req);
  const body = known ? { code: error.code, message: error.message } : { code: 'internal', message: `internal error: ${(error as Error)?.message ?? String(error)}` };
  sendJson(res, status, body, headers);
  return status;
}

/** Past this much unread body, a refused request's socket is cut rather than read to the end. */
const MAX_DISCARD_BYTES = 8 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused body, so the client (still sending) gets to read the
 * answer and can reuse the connection; closing with unread data would reset the socket instead.
 */
function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > MAX_DISCARD_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** Browser SDKs post from other origins with an Authorization header: answer their preflight. */
export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type, Content-Encoding, AnonymousId',
    'Access-Control-Max-Age': '86400',
    'Content-Length': 0,
  });
  res.end();
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } : {};
}

function isClientGone(req: IncomingMessage, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || (error as Error | undefined)?.message === 'aborted' || req.socket.destroyed;
}
