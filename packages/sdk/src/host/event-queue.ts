/**
 * One reported event as it waits: its JSON, built once at the call, so a retry re-sends the very same bytes
 * under the same Idempotency-Key (the server answers a replay with different events `409 CONFLICT`).
 */
export interface QueuedEvent {
  readonly json: string;
  /** UTF-8 length of `json`: batches are cut under the server's body limit (DESIGN §10: 1 MB). */
  readonly bytes: number;
}

/**
 * The reporter's waiting events, oldest first, bounded: when full, the oldest goes, since the newest minutes
 * are the ones a gray plan is judging now (and a day-old event is refused by the server anyway).
 */
export class EventQueue {
  #items: QueuedEvent[] = [];
  /** Index of the oldest waiting event: taking from the front never shifts the array. */
  #head = 0;

  constructor(readonly maxEvents: number) {}

  get length(): number {
    return this.#items.length - this.#head;
  }

  /** Adds one event; answers how many of the oldest were dropped to make room for it (0 or 1). */
  push(event: QueuedEvent): number {
    let dropped = 0;
    if (this.length >= this.maxEvents) {
      this.#head++;
      dropped = 1;
    }
    this.#items.push(event);
    this.#compact();
    return dropped;
  }

  /**
   * Takes the oldest events, at most `maxCount` of them and at most `maxBytes` of JSON together, but always at
   * least one (a single event is bounded by the server's field limits, far under any body limit).
   */
  take(maxCount: number, maxBytes: number): QueuedEvent[] {
    const out: QueuedEvent[] = [];
    let bytes = 0;
    while (this.length > 0 && out.length < maxCount) {
      const next = this.#items[this.#head] as QueuedEvent;
      // The separating comma counts too.
      if (out.length > 0 && bytes + next.bytes + 1 > maxBytes) break;
      out.push(next);
      bytes += next.bytes + 1;
      this.#head++;
    }
    this.#compact();
    return out;
  }

  /** Empties the queue; answers how many events it held. */
  clear(): number {
    const n = this.length;
    this.#items = [];
    this.#head = 0;
    return n;
  }

  #compact(): void {
    // Amortised O(1): the taken front is cut off once it is as long as what is left.
    if (this.#head > 64 && this.#head * 2 >= this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
  }
}

/** UTF-8 length without `TextEncoder`, which not every mini-program runtime has. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
