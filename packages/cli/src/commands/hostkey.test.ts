import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealServer, startRealServer } from '../testing/real-server.js';

let server: RealServer;
beforeAll(async () => {
  server = await startRealServer();
});
afterAll(() => server.close());

describe('hostkey against a real server', () => {
  it('create shows the key once; list shows it without the key; revoke marks it', async () => {
    const created = await server.cli(['hostkey', 'create', '青禾读书 Android', '--json']);
    expect(created.code).toBe(0);
    const key = created.io.stdoutJson<{ id: string; name: string; key: string }>();
    expect(key).toMatchObject({ name: '青禾读书 Android', key: expect.stringMatching(/^hk_/) });
    const human = await server.cli(['hostkey', 'create', 'web']);
    expect(human.io.stdoutText()).toMatch(/^created host key \S+ web\n {2}hk_\S+\n {2}shown once/);

    const listed = await server.cli(['hostkey', 'list']);
    expect(listed.io.stdoutText()).toMatch(new RegExp(`${key.id}\\s+青禾读书 Android\\s+\\d{4}-`));
    expect(listed.io.stdoutText()).not.toContain(key.key);

    const revoked = await server.cli(['hostkey', 'revoke', key.id, '--json']);
    expect(revoked.code).toBe(0);
    expect(revoked.io.stdoutJson()).toEqual({ id: key.id, revoked: true });
    expect((await server.cli(['hostkey', 'list'])).io.stdoutText()).toContain(`${key.id} (revoked)`);
  });

  it('is for admins: a principal without the admin role is refused, exit 1', async () => {
    const token = (await server.client.createToken({ principal: 'dev-li', roles: [] })).token;
    const { code, io } = await server.cli(['hostkey', 'list', '--json'], { token });
    expect(code).toBe(1);
    expect(JSON.parse(io.stderrText())).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });
});
