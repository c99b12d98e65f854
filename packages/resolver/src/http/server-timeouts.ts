import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';

/**
 * How long a client may take, as servers facing the internet set it (issue 10: with Node's defaults a client
 * sending headers a byte at a time held a socket 87 s, a slow body 327 s). Both processes, API and resolver,
 * build their server with `createTimedServer`.
 */
export interface ServerTimeouts {
  /** The whole header block, from the connection's first byte (Node's `headersTimeout`). */
  readonly headersMs: number;
  /** A body that is not a package (JSON): all of it within this time. */
  readonly bodyMs: number;
  /** A package or image upload: at least this many bytes a second on average, once `uploadGraceMs` has passed. */
  readonly uploadMinBytesPerSecond: number;
  readonly uploadGraceMs: number;
  /** An idle keep-alive connection is closed after this long. */
  readonly keepAliveMs: number;
  /** Requests one connection may carry; then the server asks the client to reconnect. */
  readonly maxRequestsPerSocket: number;
  /** How often Node and the body watch look at the clocks above: the slack of every limit. */
  readonly checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = {
  headersMs: 15_000,
  bodyMs: 30_000,
  uploadMinBytesPerSecond: 16 * 1024,
  uploadGraceMs: 10_000,
  keepAliveMs: 5_000,
  maxRequestsPerSocket: 1_000,
  checkEveryMs: 1_000,
};

/** Bodies judged by rate: packages and screenshots (their routes parse these types only). */
const UPLOAD_TYPE = /^(application\/(zip|octet-stream)|image\/)/i;

/**
 * A node:http server with these limits. Node's own `requestTimeout` is off: it would cut a slow but honest
 * package upload at a fixed time, so bodies are watched here instead, by deadline or by rate. Long responses
 * (the change stream) are not limited: only what the client sends is.
 */
export function createTimedServer(handler: RequestListener, timeouts: Partial<ServerTimeouts> = {}): Server {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const server = createServer(
    {
      headersTimeout: t.headersMs,
      requestTimeout: 0,
      connectionsCheckingInterval: t.checkEveryMs,
    },
    (req, res) => {
      watchBody(req, t);
      handler(req, res);
    },
  );
  server.keepAliveTimeout = t.keepAliveMs;
  server.maxRequestsPerSocket = t.maxRequestsPerSocket;
  return server;
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Destroys the connection of a request whose body comes too slowly; a whole body is not looked at again. */
function watchBody(req: IncomingMessage, t: ServerTimeouts): void {
  if (!hasBody(req)) return;
  const socket = req.socket;
  const started = Date.now();
  // bytesRead counts the whole connection: earlier keep-alive requests and this request's headers too.
  const base = socket.bytesRead;
  const upload = UPLOAD_TYPE.test(req.headers['content-type'] ?? '');
  const timer = setInterval(() => {
    if (req.complete || socket.destroyed) return clearInterval(timer);
    const elapsed = Date.now() - started;
    const tooSlow = upload
      ? elapsed >= t.uploadGraceMs && ((socket.bytesRead - base) * 1000) / elapsed < t.uploadMinBytesPerSecond
      : elapsed >= t.bodyMs;
    if (tooSlow) {
      clearInterval(timer);
      socket.destroy();
    }
  }, t.checkEveryMs);
  timer.unref();
  req.once('close', () => clearInterval(timer));
}
