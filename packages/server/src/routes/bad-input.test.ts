import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALIPAY_EXAMPLE, examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * Bad input gets a 4xx with the code DESIGN §5 names, and changes nothing: the app's revision, its versions and
 * its audit log are the same after each refusal. The tests run in order and walk one app through the pipeline,
 * so each refusal meets the state it needs.
 */

const APP = NEW_APP.appId;
const V = `/v1/apps/${APP}/versions`;

type CallOptions = { token?: string | null; body?: unknown; headers?: Record<string, string> };

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The Alipay example's files, to zip with changes. */
async function exampleFiles(): Promise<Record<string, Uint8Array>> {
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(ALIPAY_EXAMPLE, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files[full.slice(ALIPAY_EXAMPLE.length + 1).replaceAll('\\', '/')] = await readFile(full);
  }
  return files;
}

/** A zip with an entry named `../evil.js`: built with a same-length placeholder name, then patched byte for byte. */
function zipWithTraversal(files: Record<string, Uint8Array>): Buffer {
  const placeholder = Buffer.from('xx/evil.js');
  const evil = Buffer.from('../evil.js');
  const zip = Buffer.from(zipSync({ ...files, 'xx/evil.js': Buffer.from('require("fs")') }));
  let patched = 0;
  for (let at = zip.indexOf(placeholder); at !== -1; at = zip.indexOf(placeholder, at + 1)) {
    evil.copy(zip, at);
    patched++;
  }
  // Once in the local header, once in the central directory.
  expect(patched).toBe(2);
  return zip;
}

describe.each(TEST_DIALECTS)('bad input on %s', (dialect) => {
  let s: TestServer;
  let zip: Buffer;
  let files: Record<string, Uint8Array>;
  /** Every answer of the suite, for the last test: none may be a 5xx. */
  const answers: Array<{ request: string; status: number }> = [];

  const call = async (method: string, url: string, options?: CallOptions, server = s) => {
    const r = await server.call(method, url, options);
    answers.push({ request: `${method} ${url}`, status: r.statusCode });
    return r;
  };

  /** What a refusal must not change. */
  async function stateOf(server = s, appId = APP) {
    const app = await call('GET', `/v1/apps/${appId}`, {}, server);
    const versions = await call('GET', `/v1/apps/${appId}/versions`, {}, server);
    const audit = await call('GET', `/v1/apps/${appId}/audit-log?limit=200`, {}, server);
    expect([app.statusCode, versions.statusCode, audit.statusCode]).toEqual([200, 200, 200]);
    return {
      revision: app.json().revision as number,
      versions: versions.json().items as unknown[],
      auditLength: (audit.json().items as unknown[]).length,
    };
  }

  /** Sends a request that must be refused with `status` and `code`, and checks that the app did not change. */
  async function refused(
    status: number,
    code: string,
    method: string,
    url: string,
    options?: CallOptions,
    server = s,
  ): Promise<LightMyRequestResponse> {
    const before = await stateOf(server);
    const r = await call(method, url, options, server);
    expect(
      { status: r.statusCode, code: r.json().error?.code },
      `${method} ${url}: ${r.body.slice(0, 500)}`,
    ).toEqual({
      status,
      code,
    });
    expect(await stateOf(server), `${method} ${url} changed the app`).toEqual(before);
    return r;
  }

  const uploadUrl = (version: string) =>
    `${V}?version=${encodeURIComponent(version)}&description=${encodeURIComponent(NOTES)}`;
  const upload = (version: string, body: Buffer) => call('POST', uploadUrl(version), { body });

  beforeAll(async () => {
    s = await startTestServer(dialect);
    zip = await examplePackage();
    files = await exampleFiles();
    expect((await call('POST', '/v1/apps', { body: NEW_APP })).statusCode).toBe(201);
    expect((await upload('1.0.0', zip)).statusCode).toBe(201);
  });
  afterAll(() => s?.close());

  describe('unknown apps and versions', () => {
    it.each([
      '/v1/apps/no-such-app',
      '/v1/apps/no-such-app/versions',
      '/v1/apps/no-such-app/versions/1.0.0',
      '/v1/apps/no-such-app/versions/1.0.0/report',
      '/v1/apps/no-such-app/audit-log',
    ])('answers GET %s with 404 APP_NOT_FOUND', async (url) => {
      await refused(404, 'APP_NOT_FOUND', 'GET', url);
    });

    it.each([
      ['POST', '/v1/apps/no-such-app/versions/1.0.0/submit', {}],
      ['POST', '/v1/apps/no-such-app/versions/1.0.0/gray', { percentage: 10 }],
      ['POST', '/v1/apps/no-such-app/versions/1.0.0/publish', undefined],
      ['POST', '/v1/apps/no-such-app/rollback', {}],
      ['POST', '/v1/apps/no-such-app/offline', undefined],
      ['PATCH', '/v1/apps/no-such-app', { description: 'x' }],
    ])('answers %s %s with 404 APP_NOT_FOUND', async (method, url, body) => {
      await refused(404, 'APP_NOT_FOUND', method, url, { body });
    });

    it.each([`${V}/9.9.9`, `${V}/9.9.9/report`])('answers GET %s with 404 VERSION_NOT_FOUND', async (url) => {
      await refused(404, 'VERSION_NOT_FOUND', 'GET', url);
    });

    it.each([
      ['POST', `${V}/9.9.9/submit`, {}],
      ['POST', `${V}/9.9.9/review`, { decision: 'approve' }],
      ['POST', `${V}/9.9.9/gray`, { percentage: 10 }],
      ['POST', `${V}/9.9.9/publish`, undefined],
      ['POST', `${V}/9.9.9/cancel-review`, undefined],
      ['POST', `${V}/9.9.9/experience`, undefined],
      ['PATCH', `${V}/9.9.9`, { description: NOTES }],
      ['DELETE', `${V}/9.9.9`, undefined],
    ])('answers %s %s with 404 VERSION_NOT_FOUND', async (method, url, body) => {
      await refused(404, 'VERSION_NOT_FOUND', method, url, { body });
    });
  });

  describe('while 1.0.0 is INIT', () => {
    it.each(['publish', 'gray', 'cancel-gray', 'cancel-review'])(
      'refuses %s of INIT 1.0.0 with 409 INVALID_STATUS {currentStatus: INIT, allowed: [delete, edit, submit]}',
      async (action) => {
        const r = await refused(409, 'INVALID_STATUS', 'POST', `${V}/1.0.0/${action}`, {
          body: action === 'gray' ? { percentage: 10 } : undefined,
        });
        const details = r.json().error.details;
        expect(details.currentStatus).toBe('INIT');
        expect([...details.allowed].sort()).toEqual(['delete', 'edit', 'submit']);
      },
    );

    it('refuses rollback of qinghe-books with nothing live with 409 NO_ROLLBACK_TARGET', async () => {
      await refused(409, 'NO_ROLLBACK_TARGET', 'POST', `/v1/apps/${APP}/rollback`, { body: {} });
    });

    it.each(['1.0', 'v1.0.0', '1.0.0-beta', '01.0.0', '1.0.0+build.7', '2.0.0.0'])(
      'refuses an upload versioned %s with 400 VERSION_INVALID',
      async (version) => {
        await refused(400, 'VERSION_INVALID', 'POST', uploadUrl(version), { body: zip });
      },
    );

    it.each(['0.9.9', '0.99.99'])(
      'refuses an upload versioned %s, not greater than 1.0.0, with 409 VERSION_NOT_GREATER',
      async (version) => {
        await refused(409, 'VERSION_NOT_GREATER', 'POST', uploadUrl(version), { body: zip });
      },
    );

    it('refuses garbage bytes as a package with 422 PACKAGE_INVALID and stores nothing', async () => {
      const garbage = Buffer.from('this is not a zip, just bytes pretending to be one');
      await refused(422, 'PACKAGE_INVALID', 'POST', uploadUrl('2.0.0'), { body: garbage });
      expect((await call('GET', `/v1/packages/${sha256Of(garbage)}`, { token: null })).statusCode).toBe(404);
    });

    it('refuses the example zip cut in half with 422 PACKAGE_INVALID and stores nothing', async () => {
      const truncated = zip.subarray(0, Math.floor(zip.length / 2));
      await refused(422, 'PACKAGE_INVALID', 'POST', uploadUrl('2.0.0'), { body: truncated });
      expect((await call('GET', `/v1/packages/${sha256Of(truncated)}`, { token: null })).statusCode).toBe(
        404,
      );
    });

    it('refuses a zip with an entry named ../evil.js with 422 PACKAGE_INVALID and stores nothing', async () => {
      const evil = zipWithTraversal(files);
      const r = await refused(422, 'PACKAGE_INVALID', 'POST', uploadUrl('2.0.0'), { body: evil });
      expect(JSON.stringify(r.json().error.details)).toContain('../evil.js');
      expect((await call('GET', `/v1/packages/${sha256Of(evil)}`, { token: null })).statusCode).toBe(404);
    });

    it('refuses an empty application/zip body with 422 PACKAGE_INVALID', async () => {
      await refused(422, 'PACKAGE_INVALID', 'POST', uploadUrl('2.0.0'), { body: Buffer.alloc(0) });
    });

    it('refuses an upload sent as application/json {"zip": "<base64>"} with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      await refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST', uploadUrl('2.0.0'), {
        body: { zip: zip.toString('base64') },
      });
    });

    it('refuses an upload sent as text/plain with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      await refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST', uploadUrl('2.0.0'), {
        body: 'PK not really',
        headers: { 'content-type': 'text/plain' },
      });
    });

    it('refuses an upload sent as application/x-tar with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      await refused(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST', uploadUrl('2.0.0'), {
        body: zip,
        headers: { 'content-type': 'application/x-tar' },
      });
    });

    it('refuses an upload without ?version= with 400 VALIDATION_FAILED on querystring.version', async () => {
      const r = await refused(400, 'VALIDATION_FAILED', 'POST', V, { body: zip });
      expect(r.json().error.details.field).toBe('querystring.version');
    });

    it('refuses release notes of 2001 characters on upload with 400 VALIDATION_FAILED', async () => {
      const r = await refused(
        400,
        'VALIDATION_FAILED',
        'POST',
        `${V}?version=2.0.0&description=${encodeURIComponent('长'.repeat(2001))}`,
        { body: zip },
      );
      expect(r.json().error.details.field).toMatch(/description$/);
    });
  });

  describe('request bodies', () => {
    it('refuses PATCH /v1/apps/qinghe-books with the malformed JSON body {"name": with 400 VALIDATION_FAILED', async () => {
      const r = await refused(400, 'VALIDATION_FAILED', 'PATCH', `/v1/apps/${APP}`, {
        body: '{"name": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(r.json().error.details.field).toBe('body');
    });

    it('refuses POST gray with the malformed JSON body {percentage: 10} with 400 VALIDATION_FAILED', async () => {
      await refused(400, 'VALIDATION_FAILED', 'POST', `${V}/1.0.0/gray`, {
        body: '{percentage: 10}',
        headers: { 'content-type': 'application/json' },
      });
    });

    it.each([
      ['PATCH', `/v1/apps/${APP}`, { name: 42 }, 'body.name'],
      ['PATCH', `/v1/apps/${APP}`, { description: ['a', 'b'] }, 'body.description'],
      ['PUT', `/v1/apps/${APP}/members/someone`, { role: 'king' }, 'body.role'],
      ['PUT', `/v1/apps/${APP}/experiencers`, { userIds: 'u1' }, 'body.userIds'],
      [
        'POST',
        `/v1/apps/${APP}/qualifications`,
        { type: 'ICP', number: '京ICP备00000001号', expiresAt: 'next year' },
        'body.expiresAt',
      ],
      ['POST', `${V}/1.0.0/submit`, { screenshots: 'a.png' }, 'body.screenshots'],
      ['POST', `${V}/1.0.0/review`, { decision: 'maybe' }, 'body.decision'],
      ['POST', `${V}/1.0.0/gray`, { percentage: true }, 'body.percentage'],
      ['POST', `/v1/apps/${APP}/rollback`, { toVersion: 100 }, 'body.toVersion'],
      ['POST', '/v1/tokens', { principal: 'two words' }, 'body.principal'],
    ])(
      'refuses %s %s with the wrong type %j with 400 VALIDATION_FAILED on %s',
      async (method, url, body, field) => {
        const r = await refused(400, 'VALIDATION_FAILED', method, url, { body });
        expect(r.json().error.details.field).toBe(field);
      },
    );

    it.each([
      ['POST', '/v1/apps', { appId: 'new-app' }, 'body.name'],
      ['PUT', `/v1/apps/${APP}/experiencers`, {}, 'body.userIds'],
      ['PUT', `/v1/apps/${APP}/members/someone`, {}, 'body.role'],
      ['POST', `/v1/apps/${APP}/qualifications`, { type: 'ICP' }, 'body.number'],
      ['POST', `${V}/1.0.0/review`, {}, 'body.decision'],
      ['POST', `${V}/1.0.0/gray`, {}, 'body.percentage'],
      ['PATCH', `${V}/1.0.0`, {}, 'body.description'],
      ['POST', '/v1/tokens', {}, 'body.principal'],
    ])(
      'refuses %s %s missing a required field (%j) with 400 VALIDATION_FAILED on %s',
      async (method, url, body, field) => {
        const r = await refused(400, 'VALIDATION_FAILED', method, url, { body });
        expect(r.json().error.details.field).toBe(field);
        expect((await call('GET', '/v1/apps/new-app')).statusCode).toBe(404);
      },
    );

    it('refuses PATCH /v1/apps/qinghe-books with a 1.1 MB JSON body with 413 BODY_TOO_LARGE', async () => {
      await refused(413, 'BODY_TOO_LARGE', 'PATCH', `/v1/apps/${APP}`, {
        body: { description: 'x'.repeat(1_100_000) },
      });
    });

    it('refuses POST /v1/resolve/batch with a 1.1 MB JSON body with 413 BODY_TOO_LARGE', async () => {
      const batch = Array.from({ length: 20_000 }, (_, i) => ({
        app: APP,
        user: `user-${i}-${'u'.repeat(30)}`,
      }));
      await refused(413, 'BODY_TOO_LARGE', 'POST', '/v1/resolve/batch', { token: null, body: batch });
    });

    it.each([
      ['GET', '/v1/nope'],
      ['DELETE', '/v1/apps'],
      ['POST', `${V}/1.0.0/approve`],
      ['GET', '/v2/apps'],
    ])('answers the unknown route %s %s with 404 NOT_FOUND', async (method, url) => {
      await refused(404, 'NOT_FOUND', method, url);
    });

    it('refuses 51 experiencers with 400 VALIDATION_FAILED on userIds', async () => {
      const userIds = Array.from({ length: 51 }, (_, i) => `user-${i}`);
      const r = await refused(400, 'VALIDATION_FAILED', 'PUT', `/v1/apps/${APP}/experiencers`, {
        body: { userIds },
      });
      expect(r.json().error.details.field).toMatch(/userIds$/);
    });

    it('takes 50 experiencers, then refuses the 51st with 400 VALIDATION_FAILED', async () => {
      const userIds = Array.from({ length: 50 }, (_, i) => `user-${i}`);
      expect((await call('PUT', `/v1/apps/${APP}/experiencers`, { body: { userIds } })).statusCode).toBe(200);
      await refused(400, 'VALIDATION_FAILED', 'PUT', `/v1/apps/${APP}/experiencers`, {
        body: { userIds: [...userIds, 'user-50'] },
      });
    });

    it.each(['Qinghe_Books', 'ab', '-qinghe', 'qinghe books', '青禾读书', 'a'.repeat(65), ''])(
      'refuses to create an app with appId %j with 400 VALIDATION_FAILED on appId',
      async (appId) => {
        const r = await refused(400, 'VALIDATION_FAILED', 'POST', '/v1/apps', {
          body: { ...NEW_APP, appId },
        });
        expect(r.json().error.details.field).toMatch(/(^|\.)appId$/);
        expect((await call('GET', '/v1/apps')).json().items.map((a: { appId: string }) => a.appId)).toEqual([
          APP,
        ]);
      },
    );
  });

  describe('revisions', () => {
    it('refuses PATCH /v1/apps/qinghe-books with a stale If-Match "<revision - 1>" as 409 CONFLICT; the current one works', async () => {
      const { revision } = await stateOf();
      const r = await refused(409, 'CONFLICT', 'PATCH', `/v1/apps/${APP}`, {
        body: { description: 'stale' },
        headers: { 'if-match': `"${revision - 1}"` },
      });
      expect(r.json().error.details).toMatchObject({
        expectedRevision: revision - 1,
        currentRevision: revision,
      });
      const ok = await call('PATCH', `/v1/apps/${APP}`, {
        body: { description: 'fresh' },
        headers: { 'if-match': `"${revision}"` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ description: 'fresh', revision: revision + 1 });
    });

    it('refuses to submit 1.0.0 with a stale If-Match "<revision - 1>" as 409 CONFLICT; the current one submits', async () => {
      const { revision } = await stateOf();
      await refused(409, 'CONFLICT', 'POST', `${V}/1.0.0/submit`, {
        body: {},
        headers: { 'if-match': `"${revision - 1}"` },
      });
      const ok = await call('POST', `${V}/1.0.0/submit`, {
        body: {},
        headers: { 'if-match': `"${revision}"` },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json().status).toBe('AUDITING');
    });

    it('refuses the If-Match "latest" with 400 VALIDATION_FAILED on If-Match', async () => {
      const r = await refused(400, 'VALIDATION_FAILED', 'POST', `${V}/1.0.0/review`, {
        body: { decision: 'approve' },
        headers: { 'if-match': 'latest' },
      });
      expect(r.json().error.details.field).toBe('If-Match');
    });

    it('refuses a rejection of 1.0.0 without reasons with 400 VALIDATION_FAILED on reasons', async () => {
      const r = await refused(400, 'VALIDATION_FAILED', 'POST', `${V}/1.0.0/review`, {
        body: { decision: 'reject' },
      });
      expect(r.json().error.details.field).toMatch(/reasons$/);
    });
  });

  describe('gray', () => {
    it('approves 1.0.0, so it waits for release', async () => {
      const r = await call('POST', `${V}/1.0.0/review`, { body: { decision: 'approve' } });
      expect(r.json().status).toBe('WAIT_RELEASE');
    });

    it.each([0, 101, 12.345, -5, 'p20', 'abc', '0', '100.001', ''])(
      'refuses gray of 1.0.0 at the percentage %j with 400 VALIDATION_FAILED on percentage',
      async (percentage) => {
        const r = await refused(400, 'VALIDATION_FAILED', 'POST', `${V}/1.0.0/gray`, {
          body: { percentage },
        });
        expect(r.json().error.details.field).toMatch(/percentage$/);
      },
    );

    it('grays 1.0.0 at 20 %', async () => {
      const r = await call('POST', `${V}/1.0.0/gray`, { body: { percentage: 20 } });
      expect(r.json()).toMatchObject({ status: 'GRAY', grayPercentage: 20 });
    });

    it.each([10, 20, '20.00', 'p10', 19.99])(
      'refuses gray of 1.0.0 at %j while it is at 20 % with 409 GRAY_PERCENTAGE_NOT_INCREASING',
      async (percentage) => {
        await refused(409, 'GRAY_PERCENTAGE_NOT_INCREASING', 'POST', `${V}/1.0.0/gray`, {
          body: { percentage },
        });
      },
    );

    it('refuses rollback of qinghe-books while 1.0.0 is in gray with 409 GRAY_IN_PROGRESS', async () => {
      await refused(409, 'GRAY_IN_PROGRESS', 'POST', `/v1/apps/${APP}/rollback`, { body: {} });
    });

    it('refuses offline of qinghe-books while 1.0.0 is in gray with 409 GRAY_IN_PROGRESS', async () => {
      await refused(409, 'GRAY_IN_PROGRESS', 'POST', `/v1/apps/${APP}/offline`);
    });

    it('refuses to submit 1.1.0 while 1.0.0 is in gray with 409 VERSION_IN_FLIGHT', async () => {
      expect((await upload('1.1.0', zip)).statusCode).toBe(201);
      const r = await refused(409, 'VERSION_IN_FLIGHT', 'POST', `${V}/1.1.0/submit`, { body: {} });
      expect(r.json().error.details).toMatchObject({ inFlight: '1.0.0', inFlightStatus: 'GRAY' });
    });
  });

  describe('after publish', () => {
    it('publishes 1.0.0', async () => {
      expect((await call('POST', `${V}/1.0.0/publish`)).json().status).toBe('RELEASE');
    });

    it('refuses rollback of qinghe-books with only 1.0.0 ever live with 409 NO_ROLLBACK_TARGET', async () => {
      await refused(409, 'NO_ROLLBACK_TARGET', 'POST', `/v1/apps/${APP}/rollback`, { body: {} });
    });

    it('refuses rollback of qinghe-books to 0.9.0, never live, with 409 NO_ROLLBACK_TARGET', async () => {
      await refused(409, 'NO_ROLLBACK_TARGET', 'POST', `/v1/apps/${APP}/rollback`, {
        body: { toVersion: '0.9.0' },
      });
    });

    it('refuses to publish RELEASE 1.0.0 again with 409 INVALID_STATUS {currentStatus: RELEASE}', async () => {
      const r = await refused(409, 'INVALID_STATUS', 'POST', `${V}/1.0.0/publish`);
      expect(r.json().error.details).toEqual({ currentStatus: 'RELEASE', allowed: ['rollback'] });
    });

    it('refuses to submit 1.2.0, whose app.json lists pages/ghost/ghost without files, with 422 PRECHECK_FAILED [PAGE_MISSING]', async () => {
      const appJson = JSON.parse(Buffer.from(files['app.json']!).toString('utf8'));
      appJson.pages = [...appJson.pages, 'pages/ghost/ghost'];
      const ghost = Buffer.from(zipSync({ ...files, 'app.json': Buffer.from(JSON.stringify(appJson)) }));
      const uploaded = await upload('1.2.0', ghost);
      expect(uploaded.statusCode).toBe(201);
      expect(uploaded.json().reportOk).toBe(false);
      expect(uploaded.json().report.findings.map((f: { code: string }) => f.code)).toContain('PAGE_MISSING');

      const r = await refused(422, 'PRECHECK_FAILED', 'POST', `${V}/1.2.0/submit`, {
        body: { testAccount: 'reviewer01' },
      });
      expect(r.json().error.details).toMatchObject({ version: '1.2.0', blockers: ['PAGE_MISSING'] });
    });
  });

  describe('path parameters and queries at their limits', () => {
    it('adds a member whose principal is 120 characters, as long as a token may name (≤ 128), as a viewer', async () => {
      const principal = 'p'.repeat(120);
      expect((await call('POST', '/v1/tokens', { body: { principal } })).statusCode).toBe(201);
      const r = await call('PUT', `/v1/apps/${APP}/members/${principal}`, { body: { role: 'viewer' } });
      expect({ status: r.statusCode, body: r.json() }).toMatchObject({
        status: 200,
        body: { members: expect.arrayContaining([{ principal, role: 'viewer' }]) },
      });
    });

    it('refuses a member principal of 129 characters with 400 VALIDATION_FAILED in the {error: {code, message}} shape', async () => {
      const r = await refused(400, 'VALIDATION_FAILED', 'PUT', `/v1/apps/${APP}/members/${'p'.repeat(129)}`, {
        body: { role: 'viewer' },
      });
      expect(r.json().error.message).toEqual(expect.any(String));
    });

    it('refuses GET /v1/apps/<101 × a> with 400 VALIDATION_FAILED in the {error: {code, message}} shape', async () => {
      await refused(400, 'VALIDATION_FAILED', 'GET', `/v1/apps/${'a'.repeat(101)}`);
    });

    it('refuses GET /v1/apps/<65 × a> with 400 VALIDATION_FAILED on params.app', async () => {
      const r = await refused(400, 'VALIDATION_FAILED', 'GET', `/v1/apps/${'a'.repeat(65)}`);
      expect(r.json().error.details.field).toBe('params.app');
    });

    it.each([
      ['/v1/resolve?app=qinghe-books', 'querystring.user'],
      ['/v1/resolve?user=u1', 'querystring.app'],
      ['/v1/search?q=books', 'querystring.user'],
    ])('refuses GET %s with 400 VALIDATION_FAILED naming the missing %s', async (url, field) => {
      const r = await refused(400, 'VALIDATION_FAILED', 'GET', url, { token: null });
      expect(r.json().error.details.field).toBe(field);
    });
  });

  describe('text the database cannot hold', () => {
    // PostgreSQL refuses U+0000 in text and integers past 2^63; neither may surface as a 5xx. Whether the
    // server refuses such input (400) or keeps it (SQLite can), a refusal changes nothing.
    it.each([
      { what: 'GET of the app qinghe<NUL>books', method: 'GET', url: '/v1/apps/qinghe%00books' },
      { what: 'GET of the version 1.0.0<NUL>', method: 'GET', url: `${V}/1.0.0%00` },
      { what: 'GET /v1/apps?cursor=qinghe<NUL>books', method: 'GET', url: '/v1/apps?cursor=qinghe%00books' },
      {
        what: 'GET of the audit log after the cursor 99999999999999999999',
        method: 'GET',
        url: `/v1/apps/${APP}/audit-log?cursor=99999999999999999999`,
      },
      {
        what: 'PATCH of the description 青禾<NUL>读书',
        method: 'PATCH',
        url: `/v1/apps/${APP}`,
        body: { description: '青禾\u0000读书' },
      },
      {
        what: 'POST /v1/apps named 青禾<NUL>',
        method: 'POST',
        url: '/v1/apps',
        body: { ...NEW_APP, appId: 'nul-books', name: '青禾\u0000' },
      },
      {
        what: 'POST /v1/tokens for nul<NUL>reader',
        method: 'POST',
        url: '/v1/tokens',
        body: { principal: 'nul\u0000reader' },
      },
      {
        what: 'PUT of the member nul<NUL>reader',
        method: 'PUT',
        url: `/v1/apps/${APP}/members/nul%00reader`,
        body: { role: 'viewer' },
      },
      {
        what: 'PUT of the experiencer user<NUL>1',
        method: 'PUT',
        url: `/v1/apps/${APP}/experiencers`,
        body: { userIds: ['user\u00001'] },
      },
      {
        what: 'POST of the qualification number 京ICP备<NUL>号',
        method: 'POST',
        url: `/v1/apps/${APP}/qualifications`,
        body: { type: 'ICP', number: '京ICP备\u0000号', expiresAt: '2030-01-01' },
      },
    ])(
      'answers $what below 500, a refusal being 400 or 404 and changing nothing',
      async ({ method, url, body }) => {
        const before = await stateOf();
        const r = await call(method, url, { body });
        expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
        if (r.statusCode >= 400) {
          expect(['VALIDATION_FAILED', 'APP_NOT_FOUND', 'VERSION_NOT_FOUND']).toContain(r.json().error.code);
          expect(await stateOf()).toEqual(before);
        }
      },
    );

    it('answers an upload of 3.0.0 with the release notes "a<NUL>b" below 500', async () => {
      const r = await call('POST', `${V}?version=3.0.0&description=a%00b`, { body: zip });
      expect(r.statusCode, r.body.slice(0, 300)).toBeLessThan(500);
    });
  });

  describe('on a server that takes uploads of at most 64 KB', () => {
    let small: TestServer;
    beforeAll(async () => {
      small = await startTestServer(dialect, { limits: { totalUploadBytes: 64 * 1024 } });
      expect((await call('POST', '/v1/apps', { body: NEW_APP }, small)).statusCode).toBe(201);
    });
    afterAll(() => small?.close());

    it('refuses a 100 KB zip with 413 PACKAGE_TOO_LARGE and stores nothing', async () => {
      // Random bytes do not compress: the archive is over the limit as sent.
      const big = Buffer.from(
        zipSync({ ...files, 'assets/noise.bin': randomBytes(100 * 1024) }, { level: 0 }),
      );
      expect(big.length).toBeGreaterThan(100 * 1024);
      await refused(413, 'PACKAGE_TOO_LARGE', 'POST', uploadUrl('1.0.0'), { body: big }, small);
      expect((await call('GET', `/v1/apps/${APP}/versions`, {}, small)).json().items).toEqual([]);
      expect((await call('GET', `/v1/packages/${sha256Of(big)}`, { token: null }, small)).statusCode).toBe(
        404,
      );
    });

    it('takes the example package, under 64 KB, as 1.0.0', async () => {
      expect(zip.length).toBeLessThan(64 * 1024);
      expect((await call('POST', uploadUrl('1.0.0'), { body: zip }, small)).statusCode).toBe(201);
    });
  });

  it('never answered with a 5xx: every response of this suite is below 500', () => {
    expect(answers.length).toBeGreaterThan(100);
    expect(answers.filter((a) => a.status >= 500)).toEqual([]);
  });
});
