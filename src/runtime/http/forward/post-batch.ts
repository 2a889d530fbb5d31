import http from 'node:http';
import https from 'node:https';
import { gzipSync } from 'node:zlib';

export interface PostResult {
  /** HTTP status, or 0 when no response came (connection refused, reset, timeout). */
  status: number;
  retryAfter?: string;
  /** The start of the response body, or the network error: for logs and the dead-letter file. */
  detail: string;
}

export interface PostOptions {
  writeKey: string;
  timeoutMs: number;
  gzip: boolean;
  agent: http.Agent;
}

const DETAIL_BYTES = 500;

/** Posts one batch body; never throws: a network failure is status 0 with the error in `detail`. */
export function postBatch(url: URL, body: Buffer, options: PostOptions): Promise<PostResult> {
  const payload = options.gzip ? gzipSync(body) : body;
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': payload.length,
    'User-Agent': 'trackplan-serve',
  };
  if (options.gzip) headers['Content-Encoding'] = 'gzip';
  if (options.writeKey !== '') headers['Authorization'] = `Basic ${Buffer.from(`${options.writeKey}:`).toString('base64')}`;
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    let done = false;
    const finish = (result: PostResult) => {
      if (done) return;
      done = true;
      resolve(result);
    };
    const req = request(url, { method: 'POST', headers, agent: options.agent, timeout: options.timeoutMs }, (res) => {
      let detail = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (detail.length < DETAIL_BYTES) detail += chunk;
      });
      res.on('end', () => finish({ status: res.statusCode ?? 0, ...retryAfter(res.headers['retry-after']), detail: detail.slice(0, DETAIL_BYTES) }));
      res.on('error', (error) => finish({ status: 0, detail: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) => finish({ status: 0, detail: error.code ? `${error.code}: ${error.message}` : error.message }));
    req.end(payload);
  });
}

function retryAfter(value: string | undefined): { retryAfter?: string } {
  return value === undefined ? {} : { retryAfter: value };
}
