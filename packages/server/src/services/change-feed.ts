import type { AppRelease } from '@minirelease/core';

/** A committed change: the app's release state after it, at a global position in the event log. */
export interface ChangeEvent {
  readonly seq: number;
  readonly appId: string;
  readonly type: string;
  readonly release: AppRelease;
}

/** In-process fan-out of changes this process committed (metrics, and the event follower's wake-up). */
export class ChangeFeed {
  readonly #listeners = new Set<(event: ChangeEvent) => void | Promise<void>>();

  subscribe(listener: (event: ChangeEvent) => void | Promise<void>): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves when every listener is done, so a caller can read its own write from the resolver. */
  async publish(event: ChangeEvent): Promise<void> {
    await Promise.all([...this.#listeners].map((listener) => listener(event)));
  }
}
