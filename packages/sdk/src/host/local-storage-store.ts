import type { HostStore } from './host-store.js';

/** The part of the Web Storage API the store uses; `window.localStorage` has it, and so do test doubles. */
export interface WebStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * A store in the browser's `localStorage` under one key. `setItem` throws when the origin's quota (about 5 MB)
 * is full or storage is disabled (Safari's private mode): the SDK reports the error and goes on from memory.
 */
export function localStorageStore(key = 'minirelease', storage?: WebStorage): HostStore {
  const area = (): WebStorage => {
    const found = storage ?? (globalThis as { localStorage?: WebStorage }).localStorage;
    if (!found) throw new TypeError('no localStorage in this runtime: pass a storage');
    return found;
  };
  return {
    get: () => area().getItem(key),
    set(text) {
      area().setItem(key, text);
    },
  };
}
