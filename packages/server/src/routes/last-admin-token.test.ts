import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(TEST_DIALECTS)('the last admin token on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s.close());

  const adminIds = async (): Promise<string[]> =>
    (await s.call('GET', '/v1/tokens'))
      .json()
      .items.filter((t: { roles: string[]; revokedAt?: string }) => t.roles.includes('admin') && !t.revokedAt)
      .map((t: { id: string }) => t.id);

  it('cannot be revoked, not even by itself: 409 LAST_ADMIN_TOKEN, and it keeps working', async () => {
    const [only] = await adminIds();
    const r = await s.call('DELETE', `/v1/tokens/${only}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'LAST_ADMIN_TOKEN', details: { id: only } });
    expect((await s.call('GET', '/v1/whoami')).statusCode).toBe(200);
  });

  it('can be revoked once another admin token exists; then the other is the last', async () => {
    const [first] = await adminIds();
    const second = (
      await s.call('POST', '/v1/tokens', { body: { principal: 'admin-2', roles: ['admin'], label: 'spare' } })
    ).json() as { id: string; token: string };
    expect((await s.call('DELETE', `/v1/tokens/${first}`, { token: second.token })).statusCode).toBe(204);
    const last = await s.call('DELETE', `/v1/tokens/${second.id}`, { token: second.token });
    expect(last.json().error.code).toBe('LAST_ADMIN_TOKEN');
  });
});

describe.each(TEST_DIALECTS)('two admin tokens revoked at once on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s.close());

  it('refuses one of them and leaves one admin token, round after round', async () => {
    let last = { id: '', token: s.adminToken };
    const mint = async (principal: string) =>
      (
        await s.call('POST', '/v1/tokens', { token: last.token, body: { principal, roles: ['admin'] } })
      ).json() as {
        id: string;
        token: string;
      };
    // Rounds, so an interleaving that happens only sometimes gets its chances.
    for (let round = 0; round < 5; round++) {
      const a = await mint(`admin-a${round}`);
      const b = await mint(`admin-b${round}`);
      const before = (await s.call('GET', '/v1/tokens', { token: a.token })).json().items as {
        id: string;
        roles: string[];
        revokedAt?: string;
      }[];
      const old = before.find(
        (t) => t.roles.includes('admin') && !t.revokedAt && t.id !== a.id && t.id !== b.id,
      )!;
      expect((await s.call('DELETE', `/v1/tokens/${old.id}`, { token: a.token })).statusCode).toBe(204);
      const answers = await Promise.all([
        s.call('DELETE', `/v1/tokens/${a.id}`, { token: b.token }),
        s.call('DELETE', `/v1/tokens/${b.id}`, { token: a.token }),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([204, 409]);
      last = answers[0]!.statusCode === 204 ? b : a;
      const after = (await s.call('GET', '/v1/tokens', { token: last.token })).json().items as {
        roles: string[];
        revokedAt?: string;
      }[];
      expect(after.filter((t) => t.roles.includes('admin') && !t.revokedAt)).toHaveLength(1);
    }
  });
});
