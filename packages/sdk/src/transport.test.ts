import { afterEach, describe, expect, it } from 'vitest';
import { MiniReleaseClient } from './api-client.js';
import { ApiError } from './api-error.js';
import { apiError, json, type StubHandler, type StubServer, startStubServer } from './testing/stub-server.js';

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function clientFor(handler: StubHandler) {
  stub = await startStubServer(handler);
  return { client: new MiniReleaseClient({ baseUrl: stub.url }), stub };
}

describe('errors from the transport', () => {
  it('throws the server error as ApiError with status, code, message and details', async () => {
    const details = { currentStatus: 'GRAY', allowed: ['gray', 'publish'] };
    const { client } = await clientFor(() =>
      apiError(409, 'GRAY_PERCENTAGE_NOT_INCREASING', 'must grow', details),
    );
    const err = await client.gray('qinghe-books', '1.0.0', 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 409,
      code: 'GRAY_PERCENTAGE_NOT_INCREASING',
      message: 'must grow',
      details,
    });
    expect((err as ApiError).toJSON()).toEqual({
      error: { code: 'GRAY_PERCENTAGE_NOT_INCREASING', message: 'must grow', details },
    });
  });

  it('gives BAD_RESPONSE for an answer that is not the API error shape', async () => {
    const { client } = await clientFor(() => ({ status: 502, body: '<html>bad gateway</html>' }));
    await expect(client.getApp('qinghe-books')).rejects.toMatchObject({ status: 502, code: 'BAD_RESPONSE' });
  });

  it('gives UNREACHABLE with status 0 when nothing listens', async () => {
    const { stub } = await clientFor(() => json(200, {}));
    const url = stub.url;
    await stub.close();
    const client = new MiniReleaseClient({ baseUrl: url });
    const err = await client.whoami().catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 0, code: 'UNREACHABLE' });
    expect((err as ApiError).message).toMatch(/ECONNREFUSED/);
  });

  it('passes a caller abort through as the abort', async () => {
    const { client } = await clientFor(() => new Promise(() => {}));
    const controller = new AbortController();
    const pending = client.whoami({ signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
