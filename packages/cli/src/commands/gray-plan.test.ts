import type { GrayPlan } from '@minirelease/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealServer, startRealServer } from '../testing/real-server.js';

const APP = 'qinghe-books';
const at = (version: string) => ['--app', APP, '--version', version];
const PLAN = ['--plan', '1,5,20,50,100', '--soak', '30m', '--min-launches', '500'];

let server: RealServer;
beforeAll(async () => {
  server = await startRealServer();
  await server.approvedVersion('1.0.0');
});
afterAll(() => server.close());

const plain = (text: string) => text.split('\n');

describe('gray --plan, pause, resume and status against a real server', () => {
  it('gray --plan puts the plan the flags say, with the defaults of the server for the rest', async () => {
    const { code, io } = await server.cli(['gray', ...at('1.0.0'), ...PLAN, '--json']);
    expect(code).toBe(0);
    const plan = io.stdoutJson<GrayPlan>();
    expect(plan).toMatchObject({
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
    expect(await server.client.grayPlan(APP, '1.0.0')).toEqual(plan);
  });

  it('gray --plan with every option replaces the plan, and says so for people', async () => {
    const extra = ['--soak', '2h', '--bad-ratio', '1.5', '--on-degraded', 'cancel', '--publish-at-end'];
    const args = ['gray', ...at('1.0.0'), '--plan', '1,5,20,50,100', '--min-launches', '500', ...extra];
    const { code, io } = await server.cli(args);
    expect(code).toBe(0);
    const lines = plain(io.stdoutText());
    expect(lines.slice(0, 3)).toEqual([
      'qinghe-books 1.0.0',
      'gray plan active  step 1 of 5 (1 %)  [1] → 5 → 20 → 50 → 100 %',
      '  each step: soak 2 h, 500 gray launches · degraded at 1.5× stable: cancel · publishes at the end',
    ]);
    expect(await server.client.grayPlan(APP, '1.0.0')).toMatchObject({
      soakMinutes: 120,
      badRatio: 1.5,
      onDegraded: 'cancel',
      publishAtEnd: true,
    });
  });

  it('status shows the plan of the version in gray and when it may widen; pause and resume move it', async () => {
    await server.api.ticker.tick();
    const plan = await server.client.grayPlan(APP, '1.0.0');
    const widenFrom = new Date(Date.parse(plan.stepStartedAt) + 120 * 60_000).toISOString();
    const shown = await server.cli(['status', '--app', APP]);
    expect(shown.code).toBe(0);
    const text = shown.io.stdoutText();
    expect(text).toMatch(/1\.0\.0\s+GRAY\s+1 %/);
    expect(text).toContain('gray plan active  step 1 of 5 (1 %)');
    expect(text).toContain(
      `  at this step since ${plan.stepStartedAt.slice(0, 16).replace('T', ' ')} · may widen from ${widenFrom.slice(0, 16).replace('T', ' ')}`,
    );
    const json = await server.cli(['status', '--app', APP, '--json']);
    expect(json.io.stdoutJson<{ grayPlan: GrayPlan }>().grayPlan).toEqual(plan);

    const paused = await server.cli(['pause', ...at('1.0.0')]);
    expect(paused.code).toBe(0);
    expect(plain(paused.io.stdoutText())[0]).toBe('paused qinghe-books 1.0.0');
    expect(paused.io.stdoutText()).toContain('gray plan paused  step 1 of 5 (1 %)');
    expect(paused.io.stdoutText()).not.toContain('may widen');
    expect((await server.client.getVersion(APP, '1.0.0')).grayPercentage).toBe(1);

    const again = await server.cli(['pause', ...at('1.0.0'), '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.io.stderrText())).toMatchObject({
      error: { details: { state: 'paused', allowedFrom: ['active'] } },
    });

    const resumed = await server.cli(['resume', ...at('1.0.0'), '--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.io.stdoutJson<GrayPlan>().state).toBe('active');
  });

  it('a manual gray ends the plan, and status says it ended', async () => {
    expect((await server.cli(['gray', ...at('1.0.0'), '--percent', '5'])).code).toBe(0);
    const { io } = await server.cli(['status', '--app', APP]);
    expect(io.stdoutText()).toContain('gray plan ended  step 1 of 5 (1 %)');
    expect((await server.cli(['resume', ...at('1.0.0')])).code).toBe(1);
  });

  it('refuses a plan for a version that does not exist with the server code, exit 1', async () => {
    const { code, io } = await server.cli(['gray', ...at('9.9.9'), ...PLAN, '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(io.stderrText())).toMatchObject({ error: { code: 'VERSION_NOT_FOUND' } });
  });

  it('status of an app with nothing in flight has no plan', async () => {
    await server.client.publish(APP, '1.0.0');
    const { io } = await server.cli(['status', '--app', APP, '--json']);
    expect(io.stdoutJson<{ grayPlan: unknown }>().grayPlan).toBeNull();
  });
});
