import { type CallOptions, type ClientOptions, path, Transport } from './transport.js';
import type { BatchResolveItem, BatchResolveRequestItem, ResolveAnswer, SearchHit } from './wire.js';

export interface ResolveOptions extends CallOptions {
  /** Ask for the experience version; given only to experiencers and members. */
  channel?: 'experience' | undefined;
}

/**
 * What a host app asks of the platform: which package a user gets, search, and the package bytes.
 * These routes need no operator token.
 */
export class DataPlaneClient {
  protected readonly http: Transport;

  constructor(options: ClientOptions) {
    this.http = new Transport(options);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /**
   * The version this user gets. Throws `ApiError` 404 with `APP_NOT_FOUND`, `APP_OFFLINE` or
   * `APP_NOT_RELEASED` when there is nothing to launch.
   */
  resolve(appId: string, userId: string, opts: ResolveOptions = {}): Promise<ResolveAnswer> {
    const { channel, ...call } = opts;
    const query = { app: appId, user: userId, channel };
    return this.http.json({ method: 'GET', path: '/v1/resolve', query, ...call });
  }

  /** Many decisions in one call; the answers come in the order asked, each an answer or an error body. */
  async resolveBatch(items: BatchResolveRequestItem[], opts?: CallOptions): Promise<BatchResolveItem[]> {
    const page = await this.http.json<{ items: BatchResolveItem[] }>({
      method: 'POST',
      path: '/v1/resolve/batch',
      json: items,
      ...opts,
    });
    return page.items;
  }

  /**
   * Apps matching `q` the user can find (at most `limit`, 1–50, default 20): exactly those `resolve` gives
   * them a version of.
   */
  async search(
    q: string,
    userId: string,
    opts?: CallOptions & { limit?: number | undefined },
  ): Promise<SearchHit[]> {
    const { limit, ...call } = opts ?? {};
    const query = { q, user: userId, ...(limit === undefined ? {} : { limit: String(limit) }) };
    const page = await this.http.json<{ items: SearchHit[] }>({
      method: 'GET',
      path: '/v1/search',
      query,
      ...call,
    });
    return page.items;
  }

  /** The zip of a version, by its content address. */
  downloadPackage(sha256: string, opts?: CallOptions): Promise<Uint8Array> {
    return this.http.bytes({ method: 'GET', path: path`/v1/packages/${sha256}`, ...opts });
  }
}
