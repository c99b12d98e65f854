import type { AppRelease, Snapshot } from '@minirelease/core';
import { connectLocal } from './connect-local.js';

export interface ExportBootstrapOptions {
  baseUrl: string;
  /** A token with the resolver role, as `connectLocal` needs: used at build time, never shipped. */
  token: string;
  /** The apps the host launches; the others stay out of its binary. */
  apps: readonly string[];
  /**
   * Keep the apps' insiders (experiencers and members, by user id). Off by default: a binary is public, and
   * without them an experiencer on a cold start gets the gray or stable answer until the resolver is back.
   */
  keepInsiders?: boolean | undefined;
  fetch?: typeof fetch | undefined;
}

/**
 * A bootstrap for `createHostClient({ bootstrap })`: the release state of the host's apps, in the form of the
 * change stream's `event: snapshot` (`{seq, apps}`, core's `AppRelease` per app), read once from `/v1/stream`.
 * Write it as JSON next to the host's code at build time (as Unleash's bootstrap and GrowthBook's payload
 * cache are shipped); the host client decides from it with core's `decide`, so an answer computed from it is
 * the one the resolver gave at that seq.
 */
export async function exportBootstrap(options: ExportBootstrapOptions): Promise<Snapshot> {
  const connection = await connectLocal({
    baseUrl: options.baseUrl,
    token: options.token,
    fetch: options.fetch,
  });
  try {
    const { seq, apps } = connection.resolver.snapshot();
    const wanted = new Set(options.apps);
    const shipped = apps.filter((app) => wanted.has(app.appId));
    return {
      seq,
      apps: options.keepInsiders
        ? shipped
        : shipped.map((app): AppRelease => ({ ...app, insiders: [], experience: null })),
    };
  } finally {
    connection.close();
  }
}
