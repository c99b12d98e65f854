/** What the sandbox reports of a thrown or rejected value, and of API arguments and console lines. */
export interface ValueText {
  /** `{ name, message, stack }` of a thrown value: an Error's own, or its text as message. Never throws. */
  describe(value: unknown): { name: string; message: string; stack: string };
  /** JSON of a value (functions as `"[function]"`), at most 300 characters. Never throws. */
  summary(value: unknown): string;
}

/**
 * Reading what the app threw runs the app's code (getters, `toString`), which may throw in turn: every read
 * is guarded. `JSON.stringify` is taken before the app runs, so replacing it changes nothing reported.
 *
 * Compiled into the sandbox's context (see `runtime-source.ts`): it names nothing outside itself.
 */
export function valueText(): ValueText {
  const stringify = JSON.stringify;
  const objectText = Object.prototype.toString;
  const text = (value: unknown) => {
    try {
      return String(value);
    } catch {
      return Reflect.apply(objectText, value, []) as string;
    }
  };
  return {
    describe(value) {
      const described = { name: '', message: '', stack: '' };
      try {
        if ((typeof value !== 'object' && typeof value !== 'function') || value === null) {
          described.message = text(value);
        } else {
          const error = value as { name?: unknown; message?: unknown; stack?: unknown };
          described.name = typeof error.name === 'string' ? error.name : '';
          described.message = typeof error.message === 'string' ? error.message : text(value);
          described.stack = typeof error.stack === 'string' ? error.stack : '';
        }
      } catch {
        // A getter that throws: keep what was read.
      }
      return described;
    },
    summary(value) {
      try {
        const json = stringify(value, (_key, item) => (typeof item === 'function' ? '[function]' : item));
        return (json ?? text(value)).slice(0, 300);
      } catch {
        return '[unserialisable]';
      }
    },
  };
}
