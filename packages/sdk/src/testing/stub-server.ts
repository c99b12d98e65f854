import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stub received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query exactly as sent (still percent-encoded). */
  rawUrl: string;
  /** Decoded path. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body parsed as JSON, or undefined when empty. */
  json: unknown;
}

export interface StubReply {
  status?: number;
  json?: unknown;
  /** Raw bytes or text, when not JSON. */
  body?: Uint8Array | string;
  headers?: Record<string, string>;
}

export type StubHandler = (req: RecordedRequest) => StubReply | Promise<StubReply>;

export interface StubServer {
  url: string;
  requests: RecordedRequest[];
  /** The last request received. */
  last(): RecordedRequest;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a free loopback port that answers canned replies and records every request, so
 * clients are tested through real sockets, headers and encodings rather than a mocked fetch.
 */
export async function startStubServer(handler: StubHandler): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://stub');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      rawUrl: req.url ?? '/',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: req.headers,
      body,
      json:
        body.length > 0 && /json/.test(req.headers['content-type'] ?? '')
          ? JSON.parse(body.toString())
          : undefined,
    };
    requests.push(recorded);
    const reply = await handler(recorded);
    const payload = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
    const type = reply.json !== undefined ? { 'content-type': 'application/json' } : {};
    res.writeHead(reply.status ?? 200, { ...type, ...reply.headers });
    res.end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    last: () => {
      const req = requests.at(-1);
      if (!req) throw new Error('the stub server has received no request');
      return req;
    },
    close: () => {
      if (!server.listening) return Promise.resolve();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** A JSON reply, e.g. `json(201, app)`. */
export const json = (status: number, body: unknown): StubReply => ({ status, json: body });

/** An error reply in the API's shape. */
export const apiError = (status: number, code: string, message: string, details?: unknown): StubReply => ({
  status,
  json: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});
