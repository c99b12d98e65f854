import { AsyncResource } from 'node:async_hooks';
import { describe, expect, it } from 'vitest';
import { keepTickShapes, keptTickObjects } from './tick-shapes.js';

describe('keepTickShapes', () => {
  it('holds the tick objects of the two ticks it scheduled, and only those', async () => {
    keepTickShapes();
    const held = keptTickObjects();
    expect(held).toHaveLength(2);
    for (const tick of held) expect(typeof (tick as { callback?: unknown }).callback).toBe('function');

    // The hook is off again: later ticks and resources are not collected.
    await new Promise<void>((resolve) => process.nextTick(resolve));
    new AsyncResource('later');
    keepTickShapes();
    expect(keptTickObjects()).toBe(held);
    expect(held).toHaveLength(2);
  });
});
