import { createHook } from 'node:async_hooks';

let kept: readonly object[] | null = null;

/**
 * Keeps one of `process.nextTick`'s tick objects alive for the life of the process, so that node:http stays on its
 * fast path after the first full garbage collection.
 *
 * Why: Node 20 builds each tick object from a literal with computed symbol keys. V8's optimized `nextTick` defines
 * those keys inline only while the literal's hidden classes (maps) are the ones it recorded, and it holds them
 * weakly. Between two turns of the event loop no tick object is alive, so a full GC there frees the maps; the
 * next tick gets new ones, the feedback turns megamorphic, and from then on every tick defines its keys through
 * the runtime — about 2 µs each, some ten ticks per HTTP request. Measured on a resolver process: 99k instructions
 * per `GET /v1/resolve` against 60k (callgrind), ≈ 20 % of its throughput. Any long-running server reaches that
 * state; a tiny, short-lived one (a benchmark's constant-JSON server) may never. Holding one tick object holds
 * its map and, through the map's back pointers, the whole chain.
 *
 * Call it first thing, before loading much: once the maps have died under monomorphic feedback, keeping the new
 * ones no longer helps. Idempotent; the hook is enabled only for the two ticks it schedules.
 */
export function keepTickShapes(): void {
  if (kept !== null) return;
  const objects: object[] = [];
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type === 'TickObject') objects.push(resource);
    },
  }).enable();
  try {
    // With and without arguments: the same literal, so both hold the same maps; `args` differs only in value.
    process.nextTick(noop);
    process.nextTick(noop, 0);
  } finally {
    hook.disable();
  }
  kept = objects;
}

/** The tick objects held by `keepTickShapes` (empty before it ran). */
export function keptTickObjects(): readonly object[] {
  return kept ?? [];
}

function noop(): void {}
