import { parseCheckConfig } from '@minirelease/checks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const codes = (report: { findings: Array<{ code: string }> }) => report.findings.map((f) => f.code);

describe.each(TEST_DIALECTS)('pre-review checks at upload and submit on %s', (dialect) => {
  let s: TestServer;
  let zip: Buffer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    zip = await examplePackage();
  });
  afterAll(() => s.close());

  const upload = (app: string, version: string, notes = NOTES) =>
    s.call('POST', `/v1/apps/${app}/versions?version=${version}&description=${encodeURIComponent(notes)}`, {
      body: zip,
    });

  it('reports the app-level rules with the upload: a hospital without its licence, a generic name', async () => {
    await s.call('POST', '/v1/apps', {
      body: { appId: 'hz-hospital', name: '杭州医院', brand: '青禾', category: '医院' },
    });
    const r = (await upload('hz-hospital', '1.0.0')).json();
    expect(codes(r.report)).toEqual(
      expect.arrayContaining(['NAME_TOO_GENERIC', 'QUALIFICATION_MISSING', 'NAME_MISSING_BRAND']),
    );
    expect(r.reportOk).toBe(false);
  });

  it('refuses submit with PRECHECK_FAILED naming every blocker, and runs the app rules afresh', async () => {
    const refused = await s.call('POST', '/v1/apps/hz-hospital/versions/1.0.0/submit', { body: {} });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'PRECHECK_FAILED' });
    expect(refused.json().error.details.blockers).toEqual(
      expect.arrayContaining(['NAME_TOO_GENERIC', 'QUALIFICATION_MISSING']),
    );

    // The owner fixes the name and adds the licence: the same upload now passes, no new package needed.
    await s.call('PATCH', '/v1/apps/hz-hospital', { body: { name: '青禾医院' } });
    await s.call('POST', '/v1/apps/hz-hospital/qualifications', {
      body: { type: '医疗机构执业许可证', number: 'PDY00001', expiresAt: '2099-12-31' },
    });
    const submitted = await s.call('POST', '/v1/apps/hz-hospital/versions/1.0.0/submit', { body: {} });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().status).toBe('AUDITING');
  });

  it('removes a qualification by id, audited, and refuses an unknown id with 404 QUALIFICATION_NOT_FOUND', async () => {
    await s.call('POST', '/v1/apps', {
      body: { appId: 'qinghe-clinic', name: '青禾诊所', brand: '青禾', category: '医院' },
    });
    const added = await s.call('POST', '/v1/apps/qinghe-clinic/qualifications', {
      body: { type: '医疗机构执业许可证', number: 'PDY00002', expiresAt: '2099-12-31' },
    });
    const id = added.json().qualifications[0].id as string;
    const removed = await s.call('DELETE', `/v1/apps/qinghe-clinic/qualifications/${id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().qualifications).toEqual([]);
    const again = await s.call('DELETE', `/v1/apps/qinghe-clinic/qualifications/${id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('QUALIFICATION_NOT_FOUND');
    const log = (await s.call('GET', '/v1/apps/qinghe-clinic/audit-log')).json().items as {
      action: string;
    }[];
    expect(log.filter((e) => e.action === 'qualifications')).toHaveLength(2);
  });

  it('refuses release notes that are too short at submit', async () => {
    await s.call('POST', '/v1/apps', {
      body: { appId: 'qinghe-notes', name: '青禾读书', brand: '青禾', category: '图书' },
    });
    expect(codes((await upload('qinghe-notes', '1.0.0', '修复问题')).json().report)).toContain(
      'VERSION_DESC_LENGTH',
    );
    const r = await s.call('POST', '/v1/apps/qinghe-notes/versions/1.0.0/submit', { body: {} });
    expect(r.json().error.details.blockers).toEqual(['VERSION_DESC_LENGTH']);
    await s.call('PATCH', '/v1/apps/qinghe-notes/versions/1.0.0', { body: { description: NOTES } });
    expect(
      (await s.call('POST', '/v1/apps/qinghe-notes/versions/1.0.0/submit', { body: {} })).statusCode,
    ).toBe(200);
  });

  it('keeps the release notes of a version in review as the reviewer reads them, and says what is allowed', async () => {
    const r = await s.call('PATCH', '/v1/apps/qinghe-notes/versions/1.0.0', {
      body: { description: `${NOTES}（改）` },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({
      code: 'INVALID_STATUS',
      details: { currentStatus: 'AUDITING', allowed: ['cancel-review', 'review'] },
    });
    const log = (await s.call('GET', '/v1/apps/qinghe-notes/audit-log')).json().items as { action: string }[];
    expect(log.map((e) => e.action)).toContain('edit');
  });
});

describe('a platform that tunes the checker', () => {
  it('turns a rule off and another down to a warning through its config', async () => {
    const check = parseCheckConfig({
      severities: { NAME_TOO_GENERIC: 'off', NAME_MISSING_BRAND: 'warning' },
    });
    const s = await startTestServer('sqlite', { check });
    try {
      await s.call('POST', '/v1/apps', {
        body: { appId: 'hz-books', name: '杭州读书', brand: '青禾', category: '图书' },
      });
      const r = await s.call(
        'POST',
        `/v1/apps/hz-books/versions?version=1.0.0&description=${encodeURIComponent(NOTES)}`,
        {
          body: await examplePackage(),
        },
      );
      expect(codes(r.json().report)).toEqual(['NAME_MISSING_BRAND']);
      expect(r.json().reportOk).toBe(true);
    } finally {
      await s.close();
    }
  });
});
