import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(TEST_DIALECTS)('token expiry and last use on %s', (dialect) => {
  let s: TestServer;
  let clock = new Date('2026-12-02T10:00:00.000Z');
  beforeAll(async () => {
    s = await startTestServer(dialect, { now: () => clock });
  });
  afterAll(() => s.close());

  const mint = (expiresAt?: string) =>
    s.call('POST', '/v1/tokens', { body: { principal: 'ci-bot', ...(expiresAt ? { expiresAt } : {}) } });
  const tokenRow = async (id: string) =>
    (
      (await s.call('GET', '/v1/tokens')).json().items as {
        id: string;
        expiresAt: string | null;
        lastUsedAt: string | null;
      }[]
    ).find((t) => t.id === id)!;

  it('accepts a token before its expiry and refuses it after with 401 TOKEN_EXPIRED, its own message', async () => {
    clock = new Date('2026-12-02T09:00:00.000Z');
    const minted = await mint('2026-12-02T12:00:00+02:00');
    expect(minted.statusCode).toBe(201);
    expect(minted.json().expiresAt, 'normalised to UTC').toBe('2026-12-02T10:00:00.000Z');
    const token = minted.json().token as string;
    clock = new Date('2026-12-02T09:59:59.000Z');
    expect((await s.call('GET', '/v1/whoami', { token })).statusCode).toBe(200);
    clock = new Date('2026-12-02T10:00:00.000Z');
    const refused = await s.call('GET', '/v1/whoami', { token });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('TOKEN_EXPIRED');
    expect(refused.json().error.message).toContain('expired at 2026-12-02T10:00:00.000Z');
    expect(refused.json().error.message).not.toContain(token);
  });

  it('refuses an expiry that is not in the future, and lists a token without one as never expiring', async () => {
    clock = new Date('2026-12-02T10:00:00.000Z');
    const past = await mint('2026-12-01T00:00:00Z');
    expect(past.statusCode).toBe(400);
    expect(past.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'expiresAt' } });
    const forever = await mint();
    expect((await tokenRow(forever.json().id)).expiresAt).toBeNull();
  });

  it('records the last use at most once a minute per token', async () => {
    clock = new Date('2026-12-02T11:00:00.000Z');
    const minted = (await mint()).json();
    const use = async (at: string) => {
      clock = new Date(at);
      expect((await s.call('GET', '/v1/whoami', { token: minted.token })).statusCode).toBe(200);
      // The write is off the request's path: give it a moment to land.
      await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await use('2026-12-02T11:00:00.000Z');
    expect((await tokenRow(minted.id)).lastUsedAt).toBe('2026-12-02T11:00:00.000Z');
    await use('2026-12-02T11:00:59.000Z');
    expect((await tokenRow(minted.id)).lastUsedAt).toBe('2026-12-02T11:00:00.000Z');
    await use('2026-12-02T11:01:00.000Z');
    expect((await tokenRow(minted.id)).lastUsedAt).toBe('2026-12-02T11:01:00.000Z');
  });
});
