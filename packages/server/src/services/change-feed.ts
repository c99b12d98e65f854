import type { AppRelease } from '@minirelease/core';

/** A committed change: the app's release state after it, at a global position in the event log. */
export interface ChangeEvent {
  readonly seq: number;
  readonly appId: string;
  readonly type: string;
  readonly release: AppRelease;
}

/** In-process fan-out of committed changes (the resolver in `start` listens here). */
export class ChangeFeed {
  readonly #listeners = new Set<(event: ChangeEvent) => void>();

  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  publish(event: ChangeEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
