import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_APP } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 7),
]);
const APP = NEW_APP.appId;

describe.each(TEST_DIALECTS)('review materials (%s)', (dialect) => {
  let s: TestServer;
  let outsider: string;
  let reviewer: string;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    expect((await s.call('POST', '/v1/apps', { body: NEW_APP })).statusCode).toBe(201);
    expect((await s.call('POST', '/v1/apps', { body: { ...NEW_APP, appId: 'other-app' } })).statusCode).toBe(
      201,
    );
    outsider = await s.tokenFor('outsider');
    reviewer = await s.tokenFor('rev', ['reviewer']);
  });
  afterAll(() => s?.close());

  const upload = (body: Buffer, app = APP, token?: string) =>
    s.call('POST', `/v1/apps/${app}/materials`, {
      body,
      headers: { 'content-type': 'image/png' },
      ...(token === undefined ? {} : { token }),
    });

  it('stores a PNG by its SHA-256 and serves it back with its type to members and reviewers', async () => {
    const r = await upload(PNG);
    expect(r.statusCode).toBe(201);
    const { sha256, mediaType, size } = r.json();
    expect(mediaType).toBe('image/png');
    expect(size).toBe(PNG.length);
    const got = await s.call('GET', `/v1/apps/${APP}/materials/${sha256}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect((await s.call('GET', `/v1/apps/${APP}/materials/${sha256}`, { token: reviewer })).statusCode).toBe(
      200,
    );
    expect((await s.call('GET', `/v1/apps/${APP}/materials/${sha256}`, { token: outsider })).statusCode).toBe(
      403,
    );
  });

  it('the same image twice is one material', async () => {
    expect((await upload(PNG)).json().sha256).toBe((await upload(PNG)).json().sha256);
  });

  it('a material of one app is not found through another', async () => {
    const { sha256 } = (await upload(PNG)).json();
    const r = await s.call('GET', `/v1/apps/other-app/materials/${sha256}`);
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('NOT_FOUND');
  });

  it('refuses HTML sent as image/png: 415 and nothing stored', async () => {
    const r = await upload(Buffer.from('<html><script>alert(1)</script></html>'));
    expect(r.statusCode).toBe(415);
    expect(r.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an image over 2 MB with 413 BODY_TOO_LARGE', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]);
    const r = await upload(big);
    expect(r.statusCode).toBe(413);
    expect(r.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('a viewer may not upload', async () => {
    const viewer = await s.tokenFor('viewer-1');
    await s.call('PUT', `/v1/apps/${APP}/members/viewer-1`, { body: { role: 'viewer' } });
    expect((await upload(PNG, APP, viewer)).statusCode).toBe(403);
  });
});
