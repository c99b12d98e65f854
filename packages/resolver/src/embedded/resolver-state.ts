import { buildReleaseState, type Change, type ReleaseState } from '@minirelease/core';

/**
 * The resolver's current release state. A change replaces its one app in the index in place (O(1), however many
 * apps) and only then moves `seq`, by a new state object over the same index; a whole snapshot swaps the index.
 * Requests answer synchronously, so none sees half a change. Each change gives a new `snapshot` object, which is
 * how the disk snapshot knows there is something to write.
 */
export class ResolverState {
  #snapshot: ReleaseState;
  #ready: boolean;

  /**
   * Without an initial state the resolver is not ready: it holds no apps because it knows none yet, not because
   * there are none, and the routes answer 503 RESOLVER_NOT_READY until `replace` gives it a whole snapshot
   * (docs/architecture.md, "The data plane").
   */
  constructor(initial?: ReleaseState) {
    this.#snapshot = initial ?? buildReleaseState(0, []);
    this.#ready = initial !== undefined;
  }

  get snapshot(): ReleaseState {
    return this.#snapshot;
  }

  /** Whether a whole release state has been loaded (from the database, the disk or upstream). */
  get ready(): boolean {
    return this.#ready;
  }

  /**
   * The current state, copied: the index's maps (O(N)), the packed apps being immutable and shared. It stays
   * at its seq while changes go on, for a writer that sends it in parts.
   */
  copy(): ReleaseState {
    const { seq, apps } = this.#snapshot;
    return { seq, apps: apps.clone() };
  }

  replace(snapshot: ReleaseState): void {
    this.#snapshot = snapshot;
    this.#ready = true;
  }

  /** Applies a change; an old or repeated one (seq not newer) is ignored. */
  apply(change: Pick<Change, 'seq' | 'appId' | 'app'>): boolean {
    const { seq, apps } = this.#snapshot;
    // A change on top of no snapshot would make a state of one app that reads as if it were all of them.
    if (!this.#ready || change.seq <= seq) return false;
    apps.set(change.appId, change.app);
    this.#snapshot = { seq: change.seq, apps };
    return true;
  }
}
