import {
  buildReleaseState,
  type Change,
  decide,
  nothingToLaunchMessage,
  type ReleaseState,
  type ResolveResult,
  resolvedToWire,
  type Snapshot,
} from '@minirelease/core';
import type { HostResolveOptions, HostResolveResult, NothingToLaunch } from './host-result.js';

export interface LocalResolverOptions {
  readonly snapshot: Snapshot;
  /** Where a package is downloaded; defaults to the server's own `/v1/packages/<sha256>`. */
  readonly packageUrl?: ((sha256: string) => string) | undefined;
}

export interface LocalResolver {
  /** The same answer `/v1/resolve` gives, decided in process with core's `decide` (never stale, never throws). */
  resolve(appId: string, userId: string, options?: HostResolveOptions): HostResolveResult;
  /** Applies a change; one not newer than the current position is ignored (false). */
  update(change: Pick<Change, 'seq' | 'appId' | 'app'>): boolean;
  /**
   * Swaps in a whole snapshot, whatever its seq: the stream sends one when it starts over (a position its log
   * never reached, say after the server's database was restored), and then it is the truth.
   */
  replace(snapshot: Snapshot): void;
  /** The state answered from, in the stream's snapshot form (to keep it in a host store, or to ship it). */
  snapshot(): Snapshot;
  /** The change-stream position of the state answered from. */
  readonly seq: number;
}

/**
 * Local evaluation (as Unleash's and GrowthBook's server SDKs do it): the host holds the release state and
 * decides without a request per user. Each app is compiled once (gray prefix pre-hashed, every answer built),
 * and wire answers are built once per (app, answer), so a decision allocates nothing.
 */
export function createLocalResolver(options: LocalResolverOptions): LocalResolver {
  const packageUrl = options.packageUrl ?? ((sha256: string) => `/v1/packages/${sha256}`);
  let state: ReleaseState = buildReleaseState(options.snapshot.seq, options.snapshot.apps);
  // Core's answers are built once per compiled app, so they key their wire form (weakly: a replaced app's go).
  const wire = new WeakMap<ResolveResult, HostResolveResult>();

  const toWire = (r: ResolveResult): HostResolveResult => {
    let w = wire.get(r);
    if (w === undefined) {
      w = r.ok
        ? Object.freeze({ ok: true as const, ...resolvedToWire(r, packageUrl), stale: false })
        : nothing(r.appId, r.code);
      wire.set(r, w);
    }
    return w;
  };

  return {
    resolve(appId, userId, opts) {
      const app = state.apps.get(appId);
      if (app === undefined) return nothing(appId, 'APP_NOT_FOUND');
      return toWire(decide(app, userId, opts?.channel === 'experience' ? 'experience' : undefined));
    },
    update(change) {
      if (change.seq <= state.seq) return false;
      // In place: one app changes, and a decision is synchronous, so none ever sees half a change.
      state.apps.set(change.appId, change.app);
      state = { seq: change.seq, apps: state.apps };
      return true;
    },
    replace(snapshot) {
      state = buildReleaseState(snapshot.seq, snapshot.apps);
    },
    snapshot() {
      return { seq: state.seq, apps: [...state.apps.releases()] };
    },
    get seq() {
      return state.seq;
    },
  };
}

function nothing(appId: string, code: NothingToLaunch['code']): NothingToLaunch {
  return Object.freeze({
    ok: false,
    appId,
    code,
    message: nothingToLaunchMessage(appId, code),
    stale: false,
  });
}
