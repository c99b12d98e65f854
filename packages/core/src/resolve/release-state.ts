import type { AppRelease } from '../wire/stream.js';
import { AppIndex, type AppIndexOptions } from './app-index.js';

/**
 * The release state at one change-stream position, in memory: the position and the index of every app. A
 * resolver changes its index in place (one app per change, O(1)) and then moves to a new state object with the
 * new `seq`; answers are synchronous, so none sees half a change. Written down, it is a `Snapshot` (wire).
 */
export interface ReleaseState {
  readonly seq: number;
  readonly apps: AppIndex;
}

/** A release state of these apps; each is packed now and compiled on its first `get`. */
export function buildReleaseState(
  seq: number,
  apps: Iterable<AppRelease>,
  options?: AppIndexOptions,
): ReleaseState {
  const index = new AppIndex(options);
  for (const app of apps) index.set(app.appId, app);
  return { seq, apps: index };
}

/**
 * A new release state with one app replaced (or removed when `app` is null); the old one is untouched. It copies
 * the index (O(N)): for small states such as a host's; a resolver changes its index in place (`ResolverState`).
 */
export function withApp(
  state: ReleaseState,
  seq: number,
  appId: string,
  app: AppRelease | null,
): ReleaseState {
  const apps = state.apps.clone();
  apps.set(appId, app);
  return { seq, apps };
}
