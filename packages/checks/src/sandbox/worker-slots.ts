import { availableParallelism } from 'node:os';

/**
 * How many launch sandboxes run at once in this process. Each is a thread with its own heap (up to the
 * memory limit), so a burst of uploads must queue rather than start one worker each. The wait is not part
 * of a launch's deadline.
 */
export const MAX_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));

let running = 0;
const waiting: Array<() => void> = [];

/** Runs `task` when a slot is free. */
export async function withWorkerSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next === undefined) running -= 1;
    else next();
  }
}
