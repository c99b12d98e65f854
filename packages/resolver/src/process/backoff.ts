export interface BackoffOptions {
  readonly initialMs?: number;
  readonly maxMs?: number;
  /** In [0, 1); injected so a test can pin the jitter. */
  readonly random?: () => number;
}

/**
 * Exponential backoff with jitter (100 ms doubling to 5 s): each wait is drawn from [base/2, base], so resolvers
 * cut off together by an API restart do not come back in one synchronised wave.
 */
export class Backoff {
  #attempt = 0;
  readonly #initialMs: number;
  readonly #maxMs: number;
  readonly #random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.#initialMs = options.initialMs ?? 100;
    this.#maxMs = options.maxMs ?? 5000;
    this.#random = options.random ?? Math.random;
  }

  next(): number {
    const base = Math.min(this.#maxMs, this.#initialMs * 2 ** this.#attempt);
    if (base < this.#maxMs) this.#attempt++;
    return Math.round(base / 2 + (this.#random() * base) / 2);
  }

  reset(): void {
    this.#attempt = 0;
  }
}
