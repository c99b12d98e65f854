import type { GrayPlanRequest } from '@minirelease/core/wire';
import type { Decision } from '../gray/reconcile-plan.js';
import { versionStore } from '../storage/version-store.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Gray plans driven end to end through a real server (issue 14, "Done when"): synthetic host traffic is
 * reported over `POST /v1/events` minute by minute on an injected clock, and the ticker looks at every plan
 * after every minute. Each run is its own app (1.0.0 live, 1.1.0 under the plan), all runs in one server.
 */
export interface SimulationCase {
  readonly runs: number;
  /** Launches a minute per app, split between gray and stable by the version's share. */
  readonly launchesPerMinute: number;
  /** Stable's rate per launch of each signal. */
  readonly rates: { readonly errors: number; readonly crashes: number; readonly feedback: number };
  /** Gray's rate as a multiple of stable's (1: exactly as good). */
  readonly worse?: { readonly errors?: number; readonly crashes?: number; readonly feedback?: number };
  readonly plan: GrayPlanRequest;
  readonly maxMinutes: number;
  readonly seed: number;
}

export interface RunResult {
  readonly appId: string;
  /** The plan's state at the end: halted, completed, ended (cancelled), or still active. */
  readonly state: string;
  /** Gray launches reported since the plan began, when it stopped (or at the horizon). */
  readonly grayLaunches: number;
  /** The step index it stood at when it stopped. */
  readonly stepIndex: number;
  readonly widenings: number;
  /** `launchesNeeded` of each look, with the gray launches counted by then. */
  readonly looks: readonly {
    readonly grayLaunches: number;
    readonly launchesNeeded?: number;
    readonly verdict: string;
  }[];
}

const T0 = Date.parse('2026-12-01T00:00:00Z');
const MINUTE = 60_000;
const SIGNALS = ['errors', 'crashes', 'feedback'] as const;
const TYPE = { errors: 'error', crashes: 'crash', feedback: 'feedback' } as const;

export async function simulate(c: SimulationCase): Promise<RunResult[]> {
  const clock = { now: T0 };
  const s = await startTestServer('sqlite', { now: () => new Date(clock.now) });
  try {
    const hostKey = (await s.call('POST', '/v1/host-keys', { body: { name: 'sim' } })).json().key as string;
    const runs = await setUpRuns(s, c);
    const random = mulberry32(c.seed);
    const state = new Map(
      runs.map((appId) => [
        appId,
        {
          share: 0,
          grayLaunches: 0,
          widenings: 0,
          done: false,
          step: 0,
          state: 'active',
          looks: [] as RunResult['looks'][number][],
        },
      ]),
    );
    const apply = (decisions: readonly Decision[]) => {
      for (const d of decisions) {
        const r = state.get(d.appId)!;
        if (d.health) {
          r.looks.push({
            grayLaunches: r.grayLaunches,
            verdict: d.health.verdict,
            ...(d.health.launchesNeeded === undefined ? {} : { launchesNeeded: d.health.launchesNeeded }),
          });
        }
        if (d.step.action === 'widen') {
          if (r.share > 0) r.widenings++;
          r.share = d.step.basisPoints / 10_000;
          r.step = d.step.stepIndex;
        } else if (d.step.action !== 'wait') {
          r.done = true;
          r.state = d.step.action === 'halt' ? 'halted' : d.step.action === 'publish' ? 'completed' : 'ended';
        }
      }
    };
    apply((await s.ticker.tick()).decisions);
    let batch: object[] = [];
    let batchNo = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const r = await s.call('POST', '/v1/events', {
        token: hostKey,
        body: { events: batch },
        headers: { 'idempotency-key': `sim-${c.seed}-${++batchNo}` },
      });
      if (r.statusCode !== 202 || r.json().rejected.length > 0)
        throw new Error(`refused: ${r.body.slice(0, 300)}`);
      batch = [];
    };
    for (let minute = 0; minute < c.maxMinutes; minute++) {
      const minuteStart = clock.now;
      clock.now = minuteStart + 45_000;
      const at = minuteStart + 30_000;
      let active = 0;
      for (const [appId, r] of state) {
        if (r.done) continue;
        active++;
        const gray = binomial(random, c.launchesPerMinute, r.share);
        const sides = [
          ['gray', '1.1.0', gray],
          ['stable', '1.0.0', c.launchesPerMinute - gray],
        ] as const;
        for (const [channel, version, launches] of sides) {
          const base = { app: appId, version, channel, at };
          for (let i = 0; i < launches; i++) batch.push({ ...base, type: 'launch', user: `u${i}` });
          for (const signal of SIGNALS) {
            const rate = c.rates[signal] * (channel === 'gray' ? (c.worse?.[signal] ?? 1) : 1);
            const n = binomial(random, launches, Math.min(1, rate));
            for (let i = 0; i < n; i++) batch.push({ ...base, type: TYPE[signal], user: `u${i}` });
          }
          if (batch.length >= 1_000) {
            const all = batch;
            for (let i = 0; i < all.length; i += 1_000) {
              batch = all.slice(i, i + 1_000);
              await flush();
            }
          }
        }
        r.grayLaunches += gray;
      }
      await flush();
      if (active === 0) break;
      clock.now = minuteStart + MINUTE;
      apply((await s.ticker.tick()).decisions);
    }
    return [...state].map(([appId, r]) => ({
      appId,
      state: r.state,
      grayLaunches: r.grayLaunches,
      stepIndex: r.step,
      widenings: r.widenings,
      looks: r.looks,
    }));
  } finally {
    await s.close();
  }
}

/** One app per run, 1.0.0 live and 1.1.0 approved, written as rows (no package to check), and the plan set. */
async function setUpRuns(s: TestServer, c: SimulationCase): Promise<string[]> {
  const apps: string[] = [];
  const at = new Date(T0).toISOString();
  for (let i = 0; i < c.runs; i++) {
    const appId = `sim-${String(i).padStart(3, '0')}`;
    await s.services.apps.create('admin', { appId, name: `模拟${i}`, brand: '模拟', category: '图书' });
    for (const [version, status, minor] of [
      ['1.0.0', 'RELEASE', 0],
      ['1.1.0', 'WAIT_RELEASE', 1],
    ] as const) {
      await versionStore.insert(s.services.db, {
        app_id: appId,
        version,
        major: 1,
        minor,
        patch: 0,
        status,
        gray_basis_points: null,
        sha256: '0'.repeat(64),
        size: 1,
        description: 'simulated',
        report: '{"ok":true,"findings":[],"stats":{}}',
        report_ok: 1,
        materials: null,
        review: null,
        created_by: 'admin',
        created_at: at,
        updated_at: at,
        submitted_at: null,
        submitted_by: null,
      });
    }
    const r = await s.call('PUT', `/v1/apps/${appId}/versions/1.1.0/gray-plan`, { body: c.plan });
    if (r.statusCode !== 200) throw new Error(`plan: ${r.body}`);
    apps.push(appId);
  }
  return apps;
}

/** A seeded uniform source: the simulations print the same figures on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Binomial(n, p): exact by inversion for small means, normal approximation beyond (n·p·(1−p) > 30). */
function binomial(random: () => number, n: number, p: number): number {
  if (p <= 0 || n === 0) return 0;
  if (p >= 1) return n;
  const mean = n * p;
  const variance = mean * (1 - p);
  if (variance > 30) {
    const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.min(n, Math.max(0, Math.round(mean + z * Math.sqrt(variance))));
  }
  // Inversion over the pmf.
  const q = 1 - p;
  let k = 0;
  let prob = q ** n;
  let cdf = prob;
  const u = random();
  while (u > cdf && k < n) {
    prob *= ((n - k) / (k + 1)) * (p / q);
    k++;
    cdf += prob;
  }
  return k;
}
