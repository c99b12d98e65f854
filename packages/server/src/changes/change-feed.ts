import type { Change } from '@minirelease/core';

/** In-process fan-out of changes this process committed (metrics, and the event follower's wake-up). */
export class ChangeFeed {
  readonly #listeners = new Set<(event: Change) => void | Promise<void>>();

  subscribe(listener: (event: Change) => void | Promise<void>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves when every listener is done, so a caller can read its own write from the resolver. */
  async publish(event: Change): Promise<void> {
    await Promise.all([...this.#listeners].map((listener) => listener(event)));
  }
}
