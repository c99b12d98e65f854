import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(TEST_DIALECTS)('uploading the same version again on %s', (dialect) => {
  let s: TestServer;
  let first: Buffer;
  let second: Buffer;
  let replacedSha = '';
  beforeAll(async () => {
    s = await startTestServer(dialect);
    first = await examplePackage();
    // The same files with a zip comment: a different package (another sha256) that reads the same. The zip
    // ends with the comment's length, 0 here (zipDirectory writes none).
    second = Buffer.concat([first.subarray(0, first.length - 2), Buffer.from([4, 0]), Buffer.from('edit')]);
    await s.call('POST', '/v1/apps', { body: NEW_APP });
  });
  afterAll(() => s.close());

  const upload = (zip: Buffer, notes: string) =>
    s.call(
      'POST',
      `/v1/apps/${NEW_APP.appId}/versions?version=1.0.0&description=${encodeURIComponent(notes)}`,
      {
        body: zip,
      },
    );

  it('replaces the package and report of 1.0.0 while it is INIT, and audits what it replaced', async () => {
    const short = await upload(first, '修复问题');
    expect(short.statusCode).toBe(201);
    expect(short.json().report.ok).toBe(false);
    const again = await upload(second, NOTES);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({
      version: '1.0.0',
      status: 'INIT',
      reportOk: true,
      description: NOTES,
    });
    expect(again.json().sha256).not.toBe(short.json().sha256);
    replacedSha = again.json().sha256;
    const versions = (await s.call('GET', `/v1/apps/${NEW_APP.appId}/versions`)).json().items;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ sha256: again.json().sha256, reportOk: true });
    const report = (await s.call('GET', `/v1/apps/${NEW_APP.appId}/versions/1.0.0/report`)).json();
    expect(report.ok).toBe(true);
    const log = (await s.call('GET', `/v1/apps/${NEW_APP.appId}/audit-log`)).json().items;
    const uploads = log.filter((r: { action: string }) => r.action === 'upload');
    expect(uploads).toHaveLength(2);
    expect(uploads[0]).toMatchObject({
      from: 'INIT',
      to: 'INIT',
      details: { replaced: { sha256: short.json().sha256, reportOk: false } },
    });
  });

  it('refuses the same number once submitted with 409 INVALID_STATUS, and keeps the package', async () => {
    expect(
      (await s.call('POST', `/v1/apps/${NEW_APP.appId}/versions/1.0.0/submit`, { body: {} })).statusCode,
    ).toBe(200);
    const refused = await upload(first, NOTES);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'INVALID_STATUS',
      details: { currentStatus: 'AUDITING' },
    });
    const v = (await s.call('GET', `/v1/apps/${NEW_APP.appId}/versions/1.0.0`)).json();
    expect(v.sha256).toBe(replacedSha);
  });
});
