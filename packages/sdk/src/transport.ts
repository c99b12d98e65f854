import { ApiError, errorFromResponse, tryParse } from './api-error.js';

export interface ClientOptions {
  /** Where the API lives, e.g. `http://127.0.0.1:8080`; a path prefix behind a proxy is kept. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; the data plane (resolve, search, packages) needs none. */
  token?: string | undefined;
  /** Defaults to the global `fetch` (Node ≥ 20, browsers, most mini-program runtimes with a polyfill). */
  fetch?: typeof fetch | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface WriteOptions extends CallOptions {
  /** The app revision this write expects; a stale one is refused with 409 `CONFLICT`. */
  ifMatch?: number | string | undefined;
}

export type Query = Record<string, string | number | undefined>;

export interface Call extends WriteOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as is, with `contentType`. */
  body?: Uint8Array | ReadableStream<Uint8Array>;
  contentType?: string;
  /** Set when `body` is a stream, so the server still learns the size up front. */
  contentLength?: number;
}

/** Builds a path with every interpolated value percent-encoded: app ids, versions and principals are user text. */
export function path(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce(
    (acc, s, i) => acc + s + (i < values.length ? encodeURIComponent(values[i]!) : ''),
    '',
  );
}

/** `encodeURIComponent` rather than URLSearchParams: `%20`, never `+`, so every server reads spaces alike. */
export function queryString(query: Query = {}): string {
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined);
  if (pairs.length === 0) return '';
  return `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/** HTTP plumbing shared by every method: URL, auth, If-Match, JSON both ways, errors as `ApiError`. */
export class Transport {
  readonly baseUrl: string;
  readonly #token: string | undefined;
  readonly #fetch: typeof fetch;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#token = options.token;
    // Bound: browsers throw "Illegal invocation" when fetch is called as a method of another object.
    const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
    if (!fetchFn) throw new TypeError('no global fetch in this runtime: pass `fetch` in the client options');
    this.#fetch = fetchFn;
  }

  /** Sends the call and parses the JSON answer; a 204 or empty body gives `undefined`. */
  async json<T>(call: Call): Promise<T> {
    const res = await this.send(call);
    const text = await this.#read(call, () => res.text());
    if (text === '') return undefined as T;
    const value = tryParse(text);
    if (value === undefined) {
      throw new ApiError(res.status, 'BAD_RESPONSE', `expected JSON from ${call.method} ${call.path}`);
    }
    return value as T;
  }

  async bytes(call: Call): Promise<Uint8Array> {
    const res = await this.send(call);
    return new Uint8Array(await this.#read(call, () => res.arrayBuffer()));
  }

  /** Sends the call; any non-2xx answer is thrown as `ApiError`. */
  async send(call: Call): Promise<Response> {
    const res = await this.#read(call, () =>
      this.#fetch(this.baseUrl + call.path + queryString(call.query), init(call, this.#token)),
    );
    if (res.ok) return res;
    const text = await this.#read(call, () => res.text());
    throw errorFromResponse(res.status, res.statusText, text);
  }

  /** Network failures become `UNREACHABLE`; a caller's own abort stays the abort it asked for. */
  async #read<T>(call: Call, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (err) {
      if (err instanceof ApiError || call.signal?.aborted) throw err;
      throw new ApiError(0, 'UNREACHABLE', `cannot reach ${this.baseUrl}: ${describe(err)}`, undefined, {
        cause: err,
      });
    }
  }
}

function init(call: Call, token: string | undefined): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (call.ifMatch !== undefined) headers['if-match'] = quoteEtag(call.ifMatch);
  let body: RequestInit['body'];
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.body !== undefined) {
    headers['content-type'] = call.contentType ?? 'application/octet-stream';
    if (call.contentLength !== undefined) headers['content-length'] = String(call.contentLength);
    // TypeScript's DOM lib takes only an ArrayBuffer-backed view; fetch takes any Uint8Array (and Node's, too).
    body = call.body as RequestInit['body'];
  }
  // A stream body must say it is half-duplex (fetch spec); Node refuses it otherwise.
  const duplex = call.body instanceof ReadableStream ? { duplex: 'half' as const } : {};
  const init: RequestInit = { method: call.method, headers, ...duplex };
  if (body !== undefined) init.body = body;
  if (call.signal !== undefined) init.signal = call.signal;
  return init;
}

/** If-Match carries an entity tag, which is quoted: `"7"`. */
function quoteEtag(revision: number | string): string {
  const s = String(revision);
  return s.startsWith('"') || s.startsWith('W/') ? s : `"${s}"`;
}

/** Node wraps the reason (ECONNREFUSED, ENOTFOUND) in `cause`; that is the part worth showing. */
function describe(err: unknown): string {
  const cause = (err as { cause?: { message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}
