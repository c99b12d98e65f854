import { buildReleaseState, type Change, type ReleaseState } from '@minirelease/core';

/**
 * The resolver's current release state. A change replaces its one app in the index in place (O(1), however many
 * apps) and only then moves `seq`, by a new state object over the same index; a whole snapshot swaps the index.
 * Requests answer synchronously, so none sees half a change. Each change gives a new `snapshot` object, which is
 * how the disk snapshot knows there is something to write.
 */
export class ResolverState {
  #snapshot: ReleaseState;

  constructor(initial: ReleaseState = buildReleaseState(0, [])) {
    this.#snapshot = initial;
  }

  get snapshot(): ReleaseState {
    return this.#snapshot;
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
  }

  /** Applies a change; an old or repeated one (seq not newer) is ignored. */
  apply(change: Pick<Change, 'seq' | 'appId' | 'app'>): boolean {
    const { seq, apps } = this.#snapshot;
    if (change.seq <= seq) return false;
    apps.set(change.appId, change.app);
    this.#snapshot = { seq: change.seq, apps };
    return true;
  }
}
