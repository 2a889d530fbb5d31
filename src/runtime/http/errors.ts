import { formatMessage } from '../../core/diagnostics.js';

/**
 * Every way an ingestion request can be refused, keyed by a stable code. Clients see the code and
 * the message in the JSON body of the error response; tests assert the code and the status.
 */
export const INGEST_ERRORS = {
  unauthorized: { status: 401, message: 'missing write key: send it as the Basic auth user name' },
  invalidWriteKey: { status: 401, message: 'invalid write key' },
  malformedJson: { status: 400, message: 'request body is not valid JSON: {detail}' },
  invalidBody: { status: 400, message: '{detail}' },
  badEncoding: { status: 400, message: 'request body could not be decoded ({encoding}): {detail}' },
  unsupportedContentType: { status: 415, message: 'unsupported Content-Type "{type}": send application/json' },
  unsupportedEncoding: { status: 415, message: 'unsupported Content-Encoding "{encoding}": send gzip, deflate or none' },
  messageTooLarge: { status: 413, message: '{where} is {size} bytes; the limit is {limit} bytes per message' },
  batchTooLarge: { status: 413, message: 'request body is over {limit} bytes, the limit per {kind}' },
  notFound: { status: 404, message: 'no such endpoint: {method} {path}' },
  methodNotAllowed: { status: 405, message: '{path} accepts {allow} only' },
  spoolFull: { status: 503, message: 'the spool is full ({bytes} bytes waiting for the upstream); retry later' },
  shuttingDown: { status: 503, message: 'the server is shutting down; retry later' },
  storageUnavailable: { status: 503, message: 'the spool cannot store messages now ({reason}); retry later' },
  tooManyEntries: { status: 413, message: 'the batch has {count} entries; the limit is {limit} per batch' },
} as const;

export type IngestErrorCode = keyof typeof INGEST_ERRORS;

/** A refused request: carries the HTTP status and the stable code to answer with. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly code: IngestErrorCode;
  readonly headers: Record<string, string>;

  constructor(code: IngestErrorCode, data: Record<string, string | number> = {}, headers: Record<string, string> = {}) {
    super(formatMessage(INGEST_ERRORS[code].message, data));
    this.status = INGEST_ERRORS[code].status;
    this.code = code;
    this.headers = headers;
  }
}
