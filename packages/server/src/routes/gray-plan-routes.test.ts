import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishSteps } from '../testing/publish-steps.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const PLAN = `/v1/apps/${APP}/versions/1.0.0/gray-plan`;

describe.each(TEST_DIALECTS)('gray plans over HTTP on %s', (dialect) => {
  let s: TestServer;
  let steps: ReturnType<typeof publishSteps>;
  const audit = async () =>
    (await s.call('GET', `/v1/apps/${APP}/audit-log?limit=5`)).json().items as Array<{
      action: string;
      version: string;
      from: string | null;
      to: string | null;
      reason: string | null;
      at: string;
    }>;
  const revision = async () => (await s.call('GET', `/v1/apps/${APP}`)).json().revision as number;

  beforeAll(async () => {
    s = await startTestServer(dialect);
    steps = publishSteps(s);
    await steps.create();
    await steps.upload('1.0.0');
  });
  afterAll(() => s?.close());

  it('refuses a plan for a version still in development with 409 INVALID_STATUS', async () => {
    const r = await s.call('PUT', PLAN, { body: { steps: [1, 5], soakMinutes: 30, minLaunches: 500 } });
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'INVALID_STATUS', details: { currentStatus: 'INIT' } });
  });

  it('answers 404 GRAY_PLAN_NOT_FOUND for a version without a plan', async () => {
    const r = await s.call('GET', PLAN);
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('GRAY_PLAN_NOT_FOUND');
  });

  it('sets a plan on an approved version with the defaults of DESIGN §10, audited', async () => {
    await steps.approve('1.0.0');
    const before = await revision();
    const r = await s.call('PUT', PLAN, {
      body: { steps: [1, 5, 20, 50, 100], soakMinutes: 30, minLaunches: 500 },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      appId: APP,
      version: '1.0.0',
      steps: [1, 5, 20, 50, 100],
      soakMinutes: 30,
      minLaunches: 500,
      badRatio: 2,
      onDegraded: 'halt',
      publishAtEnd: false,
      state: 'active',
      stepIndex: 0,
    });
    expect(r.json()).not.toHaveProperty('lastDecision');
    expect((await s.call('GET', PLAN)).json()).toEqual(r.json());
    expect(await revision()).toBe(before + 1);
    expect((await audit())[0]).toMatchObject({
      action: 'gray-plan',
      version: '1.0.0',
      from: null,
      to: 'active',
    });
  });

  it.each([
    [[], 'empty'],
    [[5, 5], 'not increasing'],
    [[20, 5], 'narrowing'],
    [[0, 5], 'zero'],
    [[5, 101], 'over 100'],
    [[1.005], 'three decimals'],
  ])('refuses steps %j (%s) with 400 VALIDATION_FAILED on steps', async (planSteps) => {
    const r = await s.call('PUT', PLAN, { body: { steps: planSteps, soakMinutes: 30, minLaunches: 500 } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.json().error.details.field).toMatch(/steps/);
  });

  it('refuses a bad soak, ratio or onDegraded with 400', async () => {
    for (const body of [
      { steps: [1], soakMinutes: -1, minLaunches: 0 },
      { steps: [1], soakMinutes: 1, minLaunches: 0, badRatio: 1 },
      { steps: [1], soakMinutes: 1, minLaunches: 0, onDegraded: 'rollback' },
      { steps: [1], minLaunches: 0 },
    ]) {
      const r = await s.call('PUT', PLAN, { body });
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('pauses an active plan and resumes it; pausing twice is 409 GRAY_PLAN_INVALID_STATE', async () => {
    const paused = await s.call('POST', `${PLAN}/pause`);
    expect(paused.statusCode).toBe(200);
    expect(paused.json().state).toBe('paused');
    const again = await s.call('POST', `${PLAN}/pause`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'GRAY_PLAN_INVALID_STATE',
      details: { state: 'paused' },
    });
    const resumed = await s.call('POST', `${PLAN}/resume`);
    expect(resumed.json().state).toBe('active');
    expect((await audit()).slice(0, 2).map((a) => `${a.action} ${a.from}→${a.to}`)).toEqual([
      'gray-plan-resume paused→active',
      'gray-plan-pause active→paused',
    ]);
    const twice = await s.call('POST', `${PLAN}/resume`);
    expect(twice.statusCode).toBe(409);
  });

  it('refuses a plan write with a stale If-Match with 409 CONFLICT', async () => {
    const r = await s.call('POST', `${PLAN}/pause`, {
      headers: { 'if-match': `"${(await revision()) - 1}"` },
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('CONFLICT');
    expect((await s.call('GET', PLAN)).json().state).toBe('active');
  });

  it('ends the plan when a person grays the version, in the same write', async () => {
    const before = await revision();
    await steps.gray('1.0.0', 10);
    expect(await revision()).toBe(before + 1);
    const plan = (await s.call('GET', PLAN)).json();
    expect(plan.state).toBe('ended');
    expect(plan.lastDecision).toMatch(/ended by gray/);
    const [ended, gray] = await audit();
    expect(ended).toMatchObject({
      action: 'gray-plan-end',
      from: 'active',
      to: 'ended',
      reason: 'ended by gray',
    });
    expect(gray).toMatchObject({ action: 'gray', to: 'GRAY' });
    expect(ended!.at).toBe(gray!.at);
  });

  it('starts a plan over a running gray at the first step at or above its share', async () => {
    const r = await s.call('PUT', PLAN, {
      body: {
        steps: [1, 5, 10, 50],
        soakMinutes: 0,
        minLaunches: 0,
        onDegraded: 'cancel',
        publishAtEnd: true,
      },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      stepIndex: 2,
      onDegraded: 'cancel',
      publishAtEnd: true,
      state: 'active',
    });
    const narrower = await s.call('PUT', PLAN, { body: { steps: [1, 5], soakMinutes: 0, minLaunches: 0 } });
    expect(narrower.statusCode).toBe(400);
    expect(narrower.json().error.details).toMatchObject({ field: 'steps', currentPercentage: 10 });
  });

  it('ends a paused plan when a person cancels the gray', async () => {
    await s.call('POST', `${PLAN}/pause`);
    expect((await s.call('POST', `/v1/apps/${APP}/versions/1.0.0/cancel-gray`)).statusCode).toBe(200);
    expect((await s.call('GET', PLAN)).json().state).toBe('ended');
    expect((await audit())[0]).toMatchObject({
      action: 'gray-plan-end',
      from: 'paused',
      reason: 'ended by cancel-gray',
    });
  });

  it('ends an active plan when a person publishes, and leaves an ended plan alone', async () => {
    await s.call('PUT', PLAN, { body: { steps: [1, 5], soakMinutes: 0, minLaunches: 0 } });
    await steps.publish('1.0.0');
    expect((await s.call('GET', PLAN)).json().state).toBe('ended');
    const resume = await s.call('POST', `${PLAN}/resume`);
    expect(resume.statusCode).toBe(409);
    expect(resume.json().error.details.state).toBe('ended');
  });
});
