/**
 * Where a host client keeps one small JSON document across restarts (the last good answers, the last release
 * state of the local mode), so that a cold start with the resolver unreachable still has something to answer
 * from (docs/adr/0007-host-cold-start.md). The SDK reads and writes the document whole, as text: every place a host
 * can keep a string fits, and nothing is shared between calls.
 *
 * Adapters: `fileStore(path)` for Node (`@minirelease/sdk/node`), `localStorageStore(key)` for browsers,
 * `memoryStore()` for tests and short-lived processes. A native bridge implements the two methods over its
 * own storage (Android `SharedPreferences`, iOS `UserDefaults`, a mini-program runtime's `setStorage`):
 *
 * ```ts
 * const bridgeStore: HostStore = {
 *   get: () => bridge.call('storage.get', { key: 'minirelease' }), // string | undefined
 *   set: (text) => bridge.call('storage.set', { key: 'minirelease', value: text }),
 * };
 * ```
 */
export interface HostStore {
  /** The text last written, or `undefined` when there is none yet. May be async; a throw counts as none. */
  get(): string | undefined | null | Promise<string | undefined | null>;
  /**
   * Replaces the text, whole. May be async; the SDK never has two writes to one store in flight. Should not
   * leave half a document behind (the file store writes a temporary file and renames it).
   */
  set(text: string): void | Promise<void>;
}

/** A store that lives as long as the process: for tests, and hosts that only want the bootstrap. */
export function memoryStore(initial?: string): HostStore & { readonly text: string | undefined } {
  let text = initial;
  return {
    get: () => text,
    set(next) {
      text = next;
    },
    get text() {
      return text;
    },
  };
}
