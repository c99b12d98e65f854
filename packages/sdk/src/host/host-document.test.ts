import { describe, expect, it } from 'vitest';
import { DocumentSlot, EMPTY_DOCUMENT, parseHostDocument } from './host-document.js';
import { type HostStore, memoryStore } from './host-store.js';

const answer = {
  appId: 'qinghe-books',
  userId: 'u1',
  channel: null,
  etag: '"r1"',
  result: {
    ok: true,
    appId: 'qinghe-books',
    version: '1.3.0',
    channel: 'stable',
    packageUrl: 'https://r.example.com/v1/packages/sha',
    sha256: 'sha',
    size: 1,
    stale: false,
  },
};
const state = {
  seq: 7,
  apps: [
    {
      appId: 'qinghe-books',
      name: '青禾读书',
      brand: '青禾',
      visibility: 'online' as const,
      revision: 1,
      live: { version: '1.3.0', sha256: 'sha', size: 1 },
      gray: null,
      experience: null,
      insiders: [],
    },
  ],
};

describe('parseHostDocument', () => {
  it('reads back what was written', () => {
    const doc = { format: 1, answers: [answer], state };
    expect(parseHostDocument(JSON.stringify(doc))).toEqual(doc);
  });

  it('reads nothing, a torn write, another format or a non-object as empty', () => {
    for (const text of [undefined, null, '', '{"format":1,"answ', '{"format":2,"answers":[]}', '[]', 'null'])
      expect(parseHostDocument(text)).toBe(EMPTY_DOCUMENT);
  });

  it('drops the answers and the state that are not well formed, keeps the rest', () => {
    const bad = [
      { ...answer, userId: 3 },
      { ...answer, result: { ok: false, code: 'NOPE', message: 'x' } },
    ];
    const doc = { format: 1, answers: [answer, ...bad], state: { seq: 1, apps: [{ appId: 'x' }] } };
    expect(parseHostDocument(JSON.stringify(doc))).toEqual({ format: 1, answers: [answer], state: null });
  });
});

describe('DocumentSlot', () => {
  it('writes a burst of changes as two writes, the last one holding every change', async () => {
    const writes: string[] = [];
    const store: HostStore = { get: () => undefined, set: async (text) => void writes.push(text) };
    const slot = DocumentSlot.of(store);
    for (let seq = 1; seq <= 50; seq++) slot.update((doc) => ({ ...doc, state: { seq, apps: [] } }));
    await slot.flush();
    expect(writes.length).toBeLessThanOrEqual(2);
    expect(parseHostDocument(writes.at(-1)).state).toEqual({ seq: 50, apps: [] });
  });

  it('keeps what was stored when a change comes before the read', async () => {
    const store = memoryStore(JSON.stringify({ format: 1, answers: [answer], state: null }));
    const slot = DocumentSlot.of(store);
    slot.update((doc) => ({ ...doc, state }));
    await slot.flush();
    expect(parseHostDocument(store.text)).toEqual({ format: 1, answers: [answer], state });
  });

  it('is one slot per store, so two writers to one store do not undo each other', () => {
    const store = memoryStore();
    expect(DocumentSlot.of(store)).toBe(DocumentSlot.of(store));
    expect(DocumentSlot.of(memoryStore())).not.toBe(DocumentSlot.of(store));
  });

  it('reports a store that fails and goes on from memory', async () => {
    const errors: unknown[] = [];
    const slot = DocumentSlot.of({
      get: () => Promise.reject(new Error('disk gone')),
      set: () => {
        throw new Error('quota');
      },
    });
    slot.onError = (err) => errors.push(err);
    expect(await slot.load()).toBe(EMPTY_DOCUMENT);
    slot.update((doc) => ({ ...doc, state }));
    await slot.flush();
    expect(slot.current.state).toEqual(state);
    expect(errors.map((e) => (e as Error).message)).toEqual(['disk gone', 'quota']);
  });
});
