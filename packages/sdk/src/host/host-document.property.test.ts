import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_DOCUMENT, type HostDocument, parseHostDocument } from './host-document.js';

const ref = fc.record({ version: fc.string(), sha256: fc.string(), size: fc.nat() });
const app = fc.record({
  appId: fc.string(),
  name: fc.string(),
  brand: fc.string(),
  visibility: fc.constantFrom('online' as const, 'offline' as const),
  revision: fc.nat(),
  live: fc.option(ref, { nil: null }),
  gray: fc.option(
    fc.record({ version: fc.string(), sha256: fc.string(), size: fc.nat(), basisPoints: fc.nat(10_000) }),
    { nil: null },
  ),
  experience: fc.option(ref, { nil: null }),
  insiders: fc.array(fc.string()),
});
const answer = fc.record({
  appId: fc.string(),
  userId: fc.string(),
  channel: fc.option(fc.constant('experience'), { nil: null }),
  etag: fc.option(fc.string(), { nil: null }),
  result: fc.oneof(
    fc.record({
      ok: fc.constant(true as const),
      appId: fc.string(),
      version: fc.string(),
      channel: fc.constantFrom('stable', 'gray', 'experience'),
      packageUrl: fc.webUrl(),
      sha256: fc.string(),
      size: fc.nat(),
      stale: fc.boolean(),
    }),
    fc.record({
      ok: fc.constant(false as const),
      appId: fc.string(),
      code: fc.constantFrom('APP_NOT_FOUND' as const, 'APP_OFFLINE' as const, 'APP_NOT_RELEASED' as const),
      message: fc.string(),
      stale: fc.boolean(),
    }),
  ),
});
const doc: fc.Arbitrary<HostDocument> = fc.record({
  format: fc.constant(1 as const),
  answers: fc.array(answer, { maxLength: 5 }),
  state: fc.option(fc.record({ seq: fc.nat(), apps: fc.array(app, { maxLength: 3 }) }), { nil: null }),
});

describe('parseHostDocument, for any input', () => {
  it('reads back every document it wrote', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expect(parseHostDocument(JSON.stringify(d))).toEqual(d);
      }),
    );
  });

  it('never throws, and a document cut anywhere reads as empty', () => {
    fc.assert(
      fc.property(doc, fc.nat(), (d, at) => {
        const text = JSON.stringify(d);
        const cut = text.slice(0, at % text.length);
        expect(parseHostDocument(cut)).toBe(EMPTY_DOCUMENT);
      }),
    );
    fc.assert(fc.property(fc.string(), (s) => void parseHostDocument(s)));
  });
});
