import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { openStream } from '../testing/sse-reader.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const within = (ms: number, p: Promise<unknown>) =>
  Promise.race([p.then(() => 'ended'), new Promise((r) => setTimeout(() => r('still open'), ms))]);

describe.each(TEST_DIALECTS)('revoking a token on %s', (dialect) => {
  let s: TestServer;
  let base: string;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    base = await s.listen();
    const steps = publishSteps(s);
    await steps.create();
    await steps.upload('1.0.0');
  });
  afterAll(() => s.close());

  it('ends the live change streams opened with it within a second; others stay open', async () => {
    const created = await s.call('POST', '/v1/tokens', {
      body: { principal: 'resolver-r', roles: ['resolver'], label: 'to revoke' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json() as { id: string; token: string };
    const kept = await s.tokenFor('resolver-k', ['resolver']);
    const [a, b, other] = await Promise.all([
      openStream(base, token),
      openStream(base, token),
      openStream(base, kept),
    ]);
    for (const stream of [a, b, other]) expect((await stream.next()).event).toBe('snapshot');

    expect((await s.call('DELETE', `/v1/tokens/${id}`)).statusCode).toBe(204);
    expect(await within(1000, Promise.all([a.ended, b.ended]))).toBe('ended');
    expect(await within(700, other.ended)).toBe('still open');
    other.close();
  });
  it('ends a live stream within a second of its token expiring; a token with no expiry keeps its stream', async () => {
    // The real clock: the streams' token check reads it, as a production server does.
    const expiresAt = new Date(Date.now() + 1500);
    const created = await s.call('POST', '/v1/tokens', {
      body: { principal: 'resolver-e', roles: ['resolver'], expiresAt: expiresAt.toISOString() },
    });
    expect(created.statusCode).toBe(201);
    const kept = await s.tokenFor('resolver-f', ['resolver']);
    const [expiring, other] = await Promise.all([
      openStream(base, created.json().token as string),
      openStream(base, kept),
    ]);
    for (const stream of [expiring, other]) expect((await stream.next()).event).toBe('snapshot');
    const untilExpiry = expiresAt.getTime() - Date.now();
    expect(await within(untilExpiry + 1000, expiring.ended)).toBe('ended');
    expect(await within(700, other.ended)).toBe('still open');
    other.close();
  });
});
