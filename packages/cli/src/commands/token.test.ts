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
    expect(io.stdoutText()).toContain('tok_2  reviewer-wang  reviewer  review desk  2025-11-24 10:00');
  });

  it('revoke deletes the token', async () => {
    const { code, io } = await run(['token', 'revoke', 'tok_2', '--json'], () => ({ status: 204 }));
    expect(code).toBe(0);
    expect(stub.last()).toMatchObject({ method: 'DELETE', path: '/v1/tokens/tok_2' });
    expect(io.stdoutJson()).toEqual({ id: 'tok_2', revoked: true });
  });
});
