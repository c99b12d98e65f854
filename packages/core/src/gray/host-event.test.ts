import { describe, expect, it } from 'vitest';
import { checkHostEvent } from './host-event.js';

const now = Date.parse('2026-12-02T10:00:30.000Z');
const ok = {
  app: 'qinghe-books',
  version: '1.4.0',
  channel: 'gray',
  user: '张三',
  type: 'error',
  at: '2026-12-02T10:00:10.000Z',
};

describe('checkHostEvent', () => {
  it('counts a good event in its minute', () => {
    expect(checkHostEvent(ok, now)).toEqual({
      ok: true,
      event: {
        app: 'qinghe-books',
        version: '1.4.0',
        channel: 'gray',
        user: '张三',
        type: 'error',
        minute: Date.parse('2026-12-02T10:00:00.000Z'),
      },
    });
  });

  it('takes epoch milliseconds as well as ISO', () => {
    expect(checkHostEvent({ ...ok, at: now - 1_000 }, now).ok).toBe(true);
  });

  it.each([
    ['not an object', 'x', 'VALIDATION_FAILED'],
    ['an array', [], 'VALIDATION_FAILED'],
    ['no user', { ...ok, user: undefined }, 'VALIDATION_FAILED'],
    ['an empty user', { ...ok, user: '' }, 'VALIDATION_FAILED'],
    ['a 129-character user', { ...ok, user: 'u'.repeat(129) }, 'VALIDATION_FAILED'],
    ['an unknown type', { ...ok, type: 'click' }, 'VALIDATION_FAILED'],
    ['an unknown channel', { ...ok, channel: 'beta' }, 'VALIDATION_FAILED'],
    ['a version that is not x.y.z', { ...ok, version: '1.4' }, 'VERSION_INVALID'],
    ['a time without a zone', { ...ok, at: '2026-12-02T10:00:10' }, 'VALIDATION_FAILED'],
    ['a fractional epoch', { ...ok, at: 1.5 }, 'VALIDATION_FAILED'],
    ['a message over 2,000 characters', { ...ok, message: 'm'.repeat(2_001) }, 'VALIDATION_FAILED'],
    ['a time over a day old', { ...ok, at: now - 24 * 3_600_000 - 1 }, 'EVENT_OUT_OF_WINDOW'],
    ['a time over five minutes ahead', { ...ok, at: now + 5 * 60_000 + 1 }, 'EVENT_OUT_OF_WINDOW'],
  ])('refuses %s with %s', (_what, raw, code) => {
    expect(checkHostEvent(raw, now)).toEqual({ ok: false, code });
  });
});
