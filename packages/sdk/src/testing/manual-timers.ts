/**
 * Timers moved by hand, for the SDK's injectable `setTimeout`/`clearTimeout`: nothing fires until `advance`,
 * so a test (or a simulation on its own clock) decides exactly when a flush timer or a backoff wait is over.
 */
export interface ManualTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** The clock the timers run on, in ms. */
  now(): number;
  /** Moves the clock by `ms`, firing every timer due on the way, in order, letting promises settle between. */
  advance(ms: number): Promise<void>;
  /** The delays asked for so far, in order (to see a backoff grow). */
  readonly requested: readonly number[];
  /** How many timers wait. */
  readonly pending: number;
}

export function manualTimers(start = 0): ManualTimers {
  let t = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const requested: number[] = [];
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    setTimeout(fn, ms) {
      const id = nextId++;
      requested.push(ms);
      timers.set(id, { at: t + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    now: () => t,
    async advance(ms) {
      const end = t + ms;
      await settle();
      for (;;) {
        let due: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
        if (!due) break;
        timers.delete(due[0]);
        t = Math.max(t, due[1].at);
        due[1].fn();
        await settle();
      }
      t = end;
      await settle();
    },
    requested,
    get pending() {
      return timers.size;
    },
  };
}
