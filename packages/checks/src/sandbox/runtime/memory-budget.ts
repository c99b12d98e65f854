/**
 * Caps the binary data the app may allocate. Array buffers live outside the JS heap, so the worker's
 * `resourceLimits` do not count them: without this, `for (;;) keep.push(new Uint8Array(1e9).fill(1))` would
 * take gigabytes of the server's memory before the deadline. Each constructor becomes a proxy that counts
 * what it is asked for (species, `slice` and subclasses go through it too, as `prototype.constructor` now
 * points to it); `SharedArrayBuffer`, `Atomics` and `WebAssembly` (whose `Memory` allocates too) are removed:
 * mini-programs have none of them.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function limitBuffers(global: Record<string, unknown>, budgetBytes: number): void {
  const names = ['ArrayBuffer', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array'];
  names.push('Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array');
  let left = budgetBytes;
  const take = (requested: unknown) => {
    const bytes = Math.max(0, Number(requested) || 0);
    if (bytes > left) {
      throw new RangeError(
        `Array buffer allocation failed: the launch sandbox allows ${budgetBytes / 1048576} MB of binary data`,
      );
    }
    left -= bytes;
  };
  for (const name of names) {
    const original = global[name] as (new (...args: unknown[]) => object) & { BYTES_PER_ELEMENT?: number };
    if (typeof original !== 'function') continue;
    const perElement = original.BYTES_PER_ELEMENT ?? 1;
    const limited = new Proxy(original, {
      construct(target, args, newTarget) {
        const [first, options] = args;
        if (typeof first === 'number') take(first * perElement);
        else if (typeof first === 'object' && first !== null && 'length' in first) {
          take(Number((first as { length: unknown }).length) * perElement);
        }
        if (name === 'ArrayBuffer' && typeof options === 'object' && options !== null) {
          take((options as { maxByteLength?: unknown }).maxByteLength);
        }
        return Reflect.construct(target, args, newTarget);
      },
    });
    Object.defineProperty(original.prototype, 'constructor', {
      value: limited,
      writable: true,
      configurable: true,
    });
    global[name] = limited;
  }
  for (const name of ['SharedArrayBuffer', 'Atomics', 'WebAssembly']) delete global[name];
}
