import { json, type StubHandler, type StubServer, startStubServer } from '@minirelease/sdk/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../main.js';
import { captureIo } from '../testing/capture-io.js';

let stub: StubServer;
afterEach(() => stub.close());

const token = {
  id: 'tok_2',
  principal: 'reviewer-wang',
  roles: ['reviewer'],
  label: 'review desk',
  createdAt: '2025-11-24T10:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  expiresAt: null,
};

async function run(args: string[], handler: StubHandler) {
  stub = await startStubServer(handler);
  const io = captureIo({
    env: { MINIRELEASE_SERVER: stub.url, MINIRELEASE_TOKEN: 't', XDG_CONFIG_HOME: '/nonexistent' },
  });
  const code = await main(['node', 'minirelease', ...args], io);
  return { code, io };
}

describe('token', () => {
  it('create sends principal, every role and the label, and shows the secret once', async () => {
    const args = ['token', 'create', '--principal', 'reviewer-wang', '--role', 'reviewer', '--role', 'admin'];
    const { code, io } = await run([...args, '--label', 'review desk'], () =>
      json(201, { ...token, token: 'mr_secret' }),
    );
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({
      method: 'POST',
      path: '/v1/tokens',
      json: { principal: 'reviewer-wang', roles: ['reviewer', 'admin'], label: 'review desk' },
    });
    expect(io.stdoutText()).toContain('  mr_secret\n');
  });

  it('list prints a table of tokens', async () => {
    const { io } = await run(['token', 'list'], () => json(200, { items: [token] }));
    expect(io.stdoutText()).toMatch(
      /tok_2\s+reviewer-wang\s+reviewer\s+review desk\s+2025-11-24 10:00\s+never/,
    );
  });

  it('create --expires sends the expiry as an ISO time; list marks an expired token', async () => {
    const expiring = { ...token, expiresAt: '2025-12-01T00:00:00.000Z' };
    await run(['token', 'create', '--principal', 'ci', '--expires', '2025-12-01'], () =>
      json(201, { ...expiring, token: 'mr_secret' }),
    );
    expect(stub.last().json).toMatchObject({ principal: 'ci', expiresAt: '2025-12-01T00:00:00.000Z' });
    await stub.close();
    const { io } = await run(['token', 'list'], () => json(200, { items: [expiring] }));
    expect(io.stdoutText()).toMatch(/tok_2 \(expired\).*2025-12-01 00:00/);
  });

  it('revoke deletes the token', async () => {
    const { code, io } = await run(['token', 'revoke', 'tok_2', '--json'], () => ({ status: 204 }));
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({ method: 'DELETE', path: '/v1/tokens/tok_2' });
    expect(io.stdoutJson()).toEqual({ id: 'tok_2', revoked: true });
  });
});
