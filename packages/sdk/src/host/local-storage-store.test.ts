import { describe, expect, it } from 'vitest';
import { localStorageStore, type WebStorage } from './local-storage-store.js';

/** Web Storage's contract in a Map: Node 20 has no localStorage. */
const webStorage = (): WebStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, String(v)) };
};

describe('localStorageStore', () => {
  it('keeps the document under its key and reads null as none', () => {
    const storage = webStorage();
    const store = localStorageStore('mr', storage);
    expect(store.get()).toBeNull();
    store.set('{"format":1}');
    expect(storage.items.get('mr')).toBe('{"format":1}');
    expect(store.get()).toBe('{"format":1}');
  });

  it('says what is missing where there is no localStorage', () => {
    expect(() => localStorageStore('mr').get()).toThrow(/no localStorage/);
  });
});
