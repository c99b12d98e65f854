import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.js';
import { reportMinute } from '../testing/gray-traffic.js';
import { publishSteps } from '../testing/publish-steps.js';
import { startTestServer } from '../testing/test-server.js';

const APP = 'qinghe-books';
const T0 = Date.parse('2026-12-02T08:00:00Z');
const MINUTE = 60_000;

/** A server with 1.0.0 live and 1.1.0 approved, a host key, and a clock the test moves. */
async function setUp(
  options: { database?: NonNullable<Parameters<typeof startTestServer>[1]>['database'] } = {},
) {
  const clock = { now: T0 };
  const s = await startTestServer('sqlite', { now: () => new Date(clock.now), ...options });
  await publishSteps(s).liveAndApproved();
  const hostKey = (await s.call('POST', '/v1/host-keys', { body: { name: 'super-app' } })).json()
    .key as string;
  return { s, clock, hostKey };
}

type Env = Awaited<ReturnType<typeof setUp>>;

/** 1,000 launches a minute split by the version's share; each signal at `rate` on stable, × `worse` on gray. */
async function minute(env: Env, options: { rate?: number; worse?: number } = {}) {
  const { s, clock, hostKey } = env;
  const v = (await s.call('GET', `/v1/apps/${APP}/versions/1.1.0`)).json();
  const share = v.status === 'GRAY' ? v.grayPercentage / 100 : v.status === 'RELEASE' ? 1 : 0;
  const rate = options.rate ?? 0.05;
  const gray = Math.round(1_000 * share);
  const side = (launches: number, r: number) => ({
    launches,
    errors: Math.round(launches * r),
    crashes: Math.round(launches * rate),
    feedback: Math.round(launches * rate),
  });
  await reportMinute(
    s,
    hostKey,
    { appId: APP, atMs: clock.now + 30_000 },
    {
      ...(gray > 0 ? { gray: { version: '1.1.0', ...side(gray, rate * (options.worse ?? 1)) } } : {}),
      ...(gray < 1_000 ? { stable: { version: '1.0.0', ...side(1_000 - gray, rate) } } : {}),
    },
  );
  clock.now += MINUTE;
  return s.ticker.tick();
}

const plan = (env: Env) =>
  env.s.call('GET', `/v1/apps/${APP}/versions/1.1.0/gray-plan`).then((r) => r.json());
const auditLog = async (env: Env) =>
  (await env.s.call('GET', `/v1/apps/${APP}/audit-log?limit=100`)).json().items.reverse() as Array<{
    action: string;
    actor: string;
    to: string | null;
    reason: string | null;
    details: Record<string, unknown> | null;
    at: string;
  }>;

describe('the gray ticker (SQLite, injected clock)', () => {
  let env: Env;
  afterEach(() => env?.s.close());

  it('widens through the steps while healthy, soaking each, and publishes at the end', async () => {
    env = await setUp();
    const put = await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [10, 50, 100], soakMinutes: 5, minLaunches: 300, publishAtEnd: true },
    });
    expect(put.statusCode).toBe(200);
    const first = await env.s.ticker.tick();
    expect(first.decisions.map((d) => d.step.action)).toEqual(['widen']);
    const moves: Array<{ action: string; minute: number }> = [];
    for (let m = 1; m <= 60 && (await plan(env)).state === 'active'; m++) {
      const { decisions } = await minute(env);
      for (const d of decisions)
        if (d.step.action !== 'wait') moves.push({ action: d.step.action, minute: m });
    }
    expect(moves.map((x) => x.action)).toEqual(['widen', 'widen', 'publish']);
    // Each step soaked its 5 minutes (plus its whole minutes of launches) before the next move.
    for (let i = 1; i < moves.length; i++)
      expect(moves[i]!.minute - moves[i - 1]!.minute).toBeGreaterThanOrEqual(5);
    expect(await plan(env)).toMatchObject({ state: 'completed', stepIndex: 2 });
    const v = (await env.s.call('GET', `/v1/apps/${APP}/versions/1.1.0`)).json();
    expect(v.status).toBe('RELEASE');
    // Every automatic move is an audit record by the plan, with its evidence.
    const byPlan = (await auditLog(env)).filter((a) => a.actor === 'gray-plan');
    expect(byPlan.map((a) => `${a.action} ${a.to}`)).toEqual([
      'gray GRAY',
      'gray GRAY',
      'gray GRAY',
      'publish RELEASE',
      'gray-plan-end completed',
    ]);
    const widen = byPlan[1]!.details as { percentage: number; health: { verdict: string; signals: object } };
    expect(widen.percentage).toBe(50);
    expect(widen.health.verdict).toBe('healthy');
    expect(Object.keys(widen.health.signals)).toEqual(['errorRate', 'crashRate', 'feedbackRate']);
    // And the data plane follows: every user gets 1.1.0 as the live version.
    const resolved = await env.s.call('GET', `/v1/resolve?app=${APP}&user=anyone`, { token: null });
    expect(resolved.json()).toMatchObject({ version: '1.1.0', channel: 'stable' });
  });

  it('halts a version 3× worse at its first step, with the e-value in the record, and waits for a person', async () => {
    env = await setUp();
    await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [10, 50], soakMinutes: 5, minLaunches: 100 },
    });
    await env.s.ticker.tick();
    let halted = false;
    for (let m = 0; m < 30 && !halted; m++) {
      const { decisions } = await minute(env, { worse: 3 });
      halted = decisions.some((d) => d.step.action === 'halt');
    }
    expect(halted).toBe(true);
    expect(await plan(env)).toMatchObject({ state: 'halted', stepIndex: 0 });
    // The apps list carries the halt, so a console badges it without reading each app's health.
    const listed = (await env.s.call('GET', '/v1/apps')).json().items[0];
    expect(listed.grayPlan).toEqual({ version: '1.1.0', state: 'halted' });
    const record = (await auditLog(env)).at(-1)!;
    expect(record).toMatchObject({ action: 'gray-plan-halt', actor: 'gray-plan', to: 'halted' });
    const errorRate = (
      record.details as { health: { signals: Record<string, { eValue: number; eThreshold: number }> } }
    ).health.signals.errorRate!;
    expect(errorRate.eValue).toBeGreaterThanOrEqual(errorRate.eThreshold);
    // A halted plan acts no more, and the version keeps its share until a person decides.
    for (let m = 0; m < 3; m++) expect((await minute(env, { worse: 3 })).decisions).toEqual([]);
    expect((await env.s.call('GET', `/v1/apps/${APP}/versions/1.1.0`)).json().grayPercentage).toBe(10);
    const resumed = await env.s.call('POST', `/v1/apps/${APP}/versions/1.1.0/gray-plan/resume`);
    expect(resumed.json()).toMatchObject({ state: 'active' });
  });

  it('halts on crashes reported in the minute after their launches, with no launch of their own', async () => {
    // A session launched at 08:00:58 crashes at 08:01:03: the minute of the crashes may hold no launch at all.
    // The gray-halt bench met this: its tipping batch of crashes alone, landing in a fresh minute, was skipped.
    env = await setUp();
    await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [1, 5], soakMinutes: 60, minLaunches: 0 },
    });
    await env.s.ticker.tick();
    const { s, clock, hostKey } = env;
    await reportMinute(
      s,
      hostKey,
      { appId: APP, atMs: clock.now + 30_000 },
      {
        gray: { version: '1.1.0', launches: 300 },
        stable: { version: '1.0.0', launches: 29_700, crashes: 60 },
      },
    );
    clock.now += MINUTE;
    expect((await s.ticker.tick()).decisions.map((d) => d.step.action)).toEqual(['wait']);
    await reportMinute(
      s,
      hostKey,
      { appId: APP, atMs: clock.now + 30_000 },
      { gray: { version: '1.1.0', launches: 0, crashes: 60 } },
    );
    clock.now += MINUTE;
    const { decisions } = await s.ticker.tick();
    expect(decisions.map((d) => d.step.action)).toEqual(['halt']);
    expect(decisions[0]?.health?.signals.crashRate).toMatchObject({
      verdict: 'degraded',
      gray: { launches: 300, events: 60 },
    });
  });

  it('cancels the gray of a degraded version when the plan says so: every user is back on stable', async () => {
    env = await setUp();
    await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [10, 50], soakMinutes: 5, minLaunches: 100, onDegraded: 'cancel' },
    });
    await env.s.ticker.tick();
    let cancelled = false;
    for (let m = 0; m < 30 && !cancelled; m++) {
      cancelled = (await minute(env, { worse: 3 })).decisions.some((d) => d.step.action === 'cancel');
    }
    expect(cancelled).toBe(true);
    expect(await plan(env)).toMatchObject({ state: 'ended' });
    expect((await env.s.call('GET', `/v1/apps/${APP}/versions/1.1.0`)).json().status).toBe('WAIT_RELEASE');
    const last = (await auditLog(env)).slice(-2).map((a) => `${a.action} ${a.to}`);
    expect(last).toEqual(['cancel-gray WAIT_RELEASE', 'gray-plan-end ended']);
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      const r = await env.s.call('GET', `/v1/resolve?app=${APP}&user=${user}`, { token: null });
      expect(r.json()).toMatchObject({ version: '1.0.0', channel: 'stable' });
    }
  });

  it('does nothing for a paused plan, and a person’s widening ends the plan', async () => {
    env = await setUp();
    await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [10, 50], soakMinutes: 0, minLaunches: 0 },
    });
    await env.s.ticker.tick();
    await env.s.call('POST', `/v1/apps/${APP}/versions/1.1.0/gray-plan/pause`);
    for (let m = 0; m < 3; m++) expect((await minute(env)).decisions).toEqual([]);
    expect((await env.s.call('GET', `/v1/apps/${APP}/versions/1.1.0`)).json().grayPercentage).toBe(10);
    await env.s.call('POST', `/v1/apps/${APP}/versions/1.1.0/gray`, { body: { percentage: 20 } });
    expect(await plan(env)).toMatchObject({ state: 'ended' });
  });

  it('records its waiting as the plan’s last decision, without writing the audit log', async () => {
    env = await setUp();
    await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [10, 50], soakMinutes: 30, minLaunches: 0 },
    });
    await env.s.ticker.tick();
    const before = (await auditLog(env)).length;
    await minute(env);
    expect((await plan(env)).lastDecision).toMatch(/^wait: soaking step 1 for \d+ more min/);
    expect((await auditLog(env)).length).toBe(before);
  });
});

describe('the gray ticker across a restart (SQLite file)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'minirelease-ticker-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('goes on from the plan’s row after the process restarts', async () => {
    const file = join(dir, 'db.sqlite');
    const open = async () => {
      const db = await openDatabase({ sqlitePath: file });
      return { ...db, drop: () => db.close() };
    };
    const env = await setUp({ database: await open() });
    await env.s.call('PUT', `/v1/apps/${APP}/versions/1.1.0/gray-plan`, {
      body: { steps: [10, 50], soakMinutes: 3, minLaunches: 100 },
    });
    await env.s.ticker.tick();
    for (let m = 0; m < 2; m++) await minute(env);
    await env.s.close();

    const clock = env.clock;
    const s = await startTestServer('sqlite', { now: () => new Date(clock.now), database: await open() });
    const again: Env = { s, clock, hostKey: env.hostKey };
    try {
      expect(await plan(again)).toMatchObject({ state: 'active', stepIndex: 0 });
      let widened = false;
      for (let m = 0; m < 30 && !widened; m++) {
        widened = (await minute(again)).decisions.some((d) => d.step.action === 'widen');
      }
      expect(widened).toBe(true);
      expect(await plan(again)).toMatchObject({ state: 'active', stepIndex: 1 });
    } finally {
      await s.close();
    }
  });
});
