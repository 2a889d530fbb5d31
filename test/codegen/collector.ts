import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface Collector {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received: path, basic-auth user and the JSON body. */
  requests: { path: string; user: string; body: { batch?: Record<string, unknown>[] } & Record<string, unknown> }[];
  /** The messages of all batches, in arrival order. */
  messages(): Record<string, unknown>[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  return (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
}

/** A tracking endpoint on loopback that records what the SDKs send (a batch API answering 200). */
export async function startCollector(): Promise<Collector> {
  const requests: Collector['requests'] = [];
  const server = createServer((request, response) => {
    readBody(request).then((text) => {
      const auth = request.headers.authorization ?? '';
      const user = Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString('utf8').split(':')[0] ?? '';
      requests.push({ path: request.url ?? '', user, body: JSON.parse(text) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }, (error: Error) => response.writeHead(400).end(error.message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    messages: () => requests.flatMap((r) => r.body.batch ?? []),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
