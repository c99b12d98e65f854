import type { HostResolveResult } from './host-result.js';

/**
 * The last answer `resolve` gave the host per (app, user), whatever the channel asked: the package the user
 * was launched into, so the events the user then reports are counted under its version and channel. Bounded
 * like the cache; the user whose answer changed longest ago goes first.
 */
export class HeldAnswers {
  readonly #answers = new Map<string, HostResolveResult>();

  constructor(readonly maxEntries: number) {}

  note(appId: string, userId: string, result: HostResolveResult): void {
    const key = `${appId}\u0000${userId}`;
    // Re-inserted only when it changes: a cache hit of the same answer costs one lookup.
    if (this.#answers.get(key) === result) return;
    this.#answers.delete(key);
    this.#answers.set(key, result);
    if (this.#answers.size > this.maxEntries) {
      const oldest = this.#answers.keys().next().value;
      if (oldest !== undefined) this.#answers.delete(oldest);
    }
  }

  get(appId: string, userId: string): HostResolveResult | undefined {
    return this.#answers.get(`${appId}\u0000${userId}`);
  }

  clear(): void {
    this.#answers.clear();
  }
}
