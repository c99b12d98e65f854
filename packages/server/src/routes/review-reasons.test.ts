import { FINDING_CODES, REVIEWER_REASON_CODES } from '@minirelease/checks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const V = `/v1/apps/${NEW_APP.appId}/versions`;

describe.each(TEST_DIALECTS)('the rejection catalog on %s', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    expect((await s.call('POST', '/v1/apps', { body: NEW_APP })).statusCode).toBe(201);
    const zip = await examplePackage();
    const up = await s.call('POST', `${V}?version=1.0.0&description=${encodeURIComponent(NOTES)}`, {
      body: zip,
    });
    expect(up.statusCode).toBe(201);
    expect((await s.call('POST', `${V}/1.0.0/submit`, { body: {} })).json().status).toBe('AUDITING');
  });
  afterAll(() => s?.close());

  it('lists every checker code, then the reviewer-only codes, each once with zh/en labels and no placeholders', async () => {
    const r = await s.call('GET', '/v1/review-reasons');
    expect(r.statusCode).toBe(200);
    const reasons = r.json().reasons as { code: string; source: string; label: { zh: string; en: string } }[];
    const codes = reasons.map((x) => x.code);
    expect(codes.slice(0, FINDING_CODES.length).sort()).toEqual([...FINDING_CODES].sort());
    expect(codes.slice(FINDING_CODES.length)).toEqual([...REVIEWER_REASON_CODES]);
    expect(reasons.find((x) => x.code === 'REVIEW_MAIN_FLOW_ERROR')).toMatchObject({
      source: 'reviewer',
      label: { zh: '主流程报错或无法使用' },
    });
    expect(reasons.find((x) => x.code === 'NAME_LENGTH')?.source).toBe('checker');
    for (const x of reasons) {
      expect(x.label.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(x.label.en).toMatch(/[a-z]/);
      expect(`${x.label.zh}${x.label.en}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('answers a developer too: they read why their version came back', async () => {
    const token = await s.tokenFor('dev-li');
    expect((await s.call('GET', '/v1/review-reasons', { token })).statusCode).toBe(200);
    expect((await s.call('GET', '/v1/review-reasons', { token: null })).statusCode).toBe(401);
  });

  it('refuses a rejection of 1.0.0 naming NOT_A_REASON with 400 VALIDATION_FAILED naming it; nothing changes', async () => {
    const r = await s.call('POST', `${V}/1.0.0/review`, {
      body: { decision: 'reject', reasons: ['REVIEW_MAIN_FLOW_ERROR', 'NOT_A_REASON'] },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'reasons', unknown: ['NOT_A_REASON'] },
    });
    expect(r.json().error.message).toContain('NOT_A_REASON');
    expect((await s.call('GET', `${V}/1.0.0`)).json().status).toBe('AUDITING');
  });

  it('rejects 1.0.0 with a reviewer code and a checker code, and keeps both on the version', async () => {
    const reasons = ['REVIEW_MAIN_FLOW_ERROR', 'FIRST_SCREEN_AUTH'];
    const r = await s.call('POST', `${V}/1.0.0/review`, {
      body: { decision: 'reject', reasons, comment: '登录后下单页白屏' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ status: 'AUDIT_REJECT', review: { decision: 'reject', reasons } });
  });
});
