import { type AppRelease, buildSnapshot, type ReleaseSnapshot } from '@minirelease/core';

/** A committed change as resolvers receive it: the app's whole release state after it. */
export interface ReleaseChange {
  readonly seq: number;
  readonly appId: string;
  readonly release: AppRelease | null;
}

/**
 * The resolver's current snapshot. A change replaces its one app in the store in place (O(1), however many apps)
 * and only then moves `seq`, by a new snapshot object over the same store; a whole snapshot swaps the store.
 * Requests answer synchronously, so none sees half a change. Each change gives a new `snapshot` object, which is
 * how the disk snapshot knows there is something to write.
 */
export class ResolverState {
  #snapshot: ReleaseSnapshot;
  #ready: boolean;

  /**
   * Without an initial snapshot the state is not ready: it holds no apps because it knows none yet, not because
   * there are none, and the routes answer 503 RESOLVER_NOT_READY until `replace` gives it a whole snapshot
   * (docs/architecture.md, "The data plane").
   */
  constructor(initial?: ReleaseSnapshot) {
    this.#snapshot = initial ?? buildSnapshot(0, []);
    this.#ready = initial !== undefined;
  }

  get snapshot(): ReleaseSnapshot {
    return this.#snapshot;
  }

  /** Whether a whole snapshot has been loaded (from the database, the disk or upstream). */
  get ready(): boolean {
    return this.#ready;
  }

  /**
   * The current snapshot, copied: the store's maps (O(N)), the packed apps being immutable and shared. It stays
   * at its seq while changes go on, for a writer that sends it in parts.
   */
  copy(): ReleaseSnapshot {
    const { seq, apps } = this.#snapshot;
    return { seq, apps: apps.clone() };
  }

  replace(snapshot: ReleaseSnapshot): void {
    this.#snapshot = snapshot;
    this.#ready = true;
  }

  /** Applies a change; an old or repeated one (seq not newer) is ignored. */
  apply(change: ReleaseChange): boolean {
    const { seq, apps } = this.#snapshot;
    // A change on top of no snapshot would make a state of one app that reads as if it were all of them.
    if (!this.#ready || change.seq <= seq) return false;
    apps.set(change.appId, change.release);
    this.#snapshot = { seq: change.seq, apps };
    return true;
  }
}
