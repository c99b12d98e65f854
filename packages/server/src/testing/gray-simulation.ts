import type { GrayPlanRequest, HealthSignal, SignalHealth } from '@minirelease/core/wire';
import { createEventReporter, createLocalResolver, type EventReporter } from '@minirelease/sdk';
import { manualTimers } from '@minirelease/sdk/testing';
import { loadSnapshot } from '../changes/load-snapshot.js';
import type { Decision } from '../gray/reconcile-plan.js';
import { versionStore } from '../storage/version-store.js';
import { injectFetch } from './inject-fetch.js';
import type { TestDialect } from './test-database.js';
import { startTestServer, type TestServer } from './test-server.js';

/**
 * Gray plans driven end to end through a real server (issue 14, "Done when"): synthetic host traffic goes
 * through the SDK's event reporter (batches, Idempotency-Keys, its clock and timers injected) into
 * `POST /v1/events` minute by minute, each minute's events delivered before the ticker looks at every plan.
 * Each launch is a user drawn from a large pool and answered by the SDK's local resolver, so gray and stable
 * are split by the resolver's own hash. Each run is its own app (1.0.0 live, 1.1.0 under the plan), all runs
 * in one server.
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
  /** Stop a run at its first healthy look (the launches-needed case asks when that comes, nothing after). */
  readonly untilHealthy?: boolean;
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
    /**
     * Each signal's evidence at that look, so a case where the floors (not the e-value) keep a plan going can
     * show that the e-value did cross.
     */
    readonly signals: Readonly<Record<HealthSignal, LookedSignal>>;
  }[];
}

export interface LookedSignal {
  readonly eValue: number;
  readonly eThreshold: number;
  /** Observed gray rate / stable rate; null while a side has no launches or stable no events. */
  readonly ratio: number | null;
  /** Observed gray rate − stable rate, per launch. */
  readonly difference: number;
  readonly verdict: string;
}

const T0 = Date.parse('2026-12-01T00:00:00Z');
const MINUTE = 60_000;
const SIGNALS = ['errors', 'crashes', 'feedback'] as const;
const TYPE = { errors: 'error', crashes: 'crash', feedback: 'feedback' } as const;
/** Users launching are drawn from this many: most launches are distinct users, as in the core simulation. */
const USER_POOL = 1_000_000;
/** The server's largest batch: the fewest requests for millions of events. */
const BATCH = 1_000;

/** `dialect`: the database the server runs on (SQLite by default; PostgreSQL where the suite has one). */
export async function simulate(c: SimulationCase, dialect: TestDialect = 'sqlite'): Promise<RunResult[]> {
  // One clock for the server, the reporter's stamps and its timers: a simulated minute is a minute to both.
  const timers = manualTimers(T0);
  const s = await startTestServer(dialect, { now: () => new Date(timers.now()) });
  let reporter: EventReporter | undefined;
  try {
    const hostKey = (await s.call('POST', '/v1/host-keys', { body: { name: 'sim' } })).json().key as string;
    const runs = await setUpRuns(s, c);
    const random = mulberry32(c.seed);
    // The host's answers: the SDK's local mode, holding the release state as the stream would give it, so
    // every event carries the version and channel the resolver's gray hash gave its user.
    const local = createLocalResolver({ snapshot: await loadSnapshot(s.services.db) });
    const answerFor = (appId: string, userId: string) => local.resolve(appId, userId);
    const events = createEventReporter({
      baseUrl: 'http://minirelease.test',
      hostKey,
      answerFor,
      fetch: injectFetch(s.app),
      batchSize: BATCH,
      maxQueue: 1_000_000,
      now: timers.now,
      random: mulberry32(c.seed + 1),
      setTimeout: timers.setTimeout,
      clearTimeout: timers.clearTimeout,
    });
    reporter = events;
    const state = new Map(
      runs.map((appId) => [
        appId,
        {
          grayLaunches: 0,
          widenings: 0,
          done: false,
          step: 0,
          share: 0,
          state: 'active',
          looks: [] as RunResult['looks'][number][],
        },
      ]),
    );
    const apply = async (decisions: readonly Decision[]) => {
      let moved = false;
      for (const d of decisions) {
        const r = state.get(d.appId)!;
        if (d.health) {
          const sig = d.health.signals;
          r.looks.push({
            grayLaunches: r.grayLaunches,
            verdict: d.health.verdict,
            ...(d.health.launchesNeeded === undefined ? {} : { launchesNeeded: d.health.launchesNeeded }),
            signals: {
              errorRate: looked(sig.errorRate),
              crashRate: looked(sig.crashRate),
              feedbackRate: looked(sig.feedbackRate),
            },
          });
        }
        if (d.step.action === 'widen') {
          if (r.share > 0) r.widenings++;
          r.share = d.step.basisPoints;
          r.step = d.step.stepIndex;
        } else if (d.step.action !== 'wait') {
          r.done = true;
          r.state = d.step.action === 'halt' ? 'halted' : d.step.action === 'publish' ? 'completed' : 'ended';
        }
        moved ||= d.step.action !== 'wait';
        if (c.untilHealthy && d.health?.verdict === 'healthy') r.done = true;
      }
      // A move is a change the host's resolver follows before the next launch.
      if (moved) local.replace(await loadSnapshot(s.services.db));
    };
    const delivered = async () => {
      await events.flush();
      const st = events.stats();
      if (Object.values(st.dropped).some((n) => n > 0) || Object.keys(st.rejected).length > 0)
        throw new Error(`events lost: ${JSON.stringify(st)}`);
    };
    await apply((await s.ticker.tick()).decisions);
    for (let minute = 0; minute < c.maxMinutes; minute++) {
      const minuteStart = timers.now();
      // The minute's launches are stamped at its middle; its end is when the ticker looks.
      await timers.advance(30_000);
      let active = 0;
      for (const [appId, r] of state) {
        if (r.done) continue;
        active++;
        for (let i = 0; i < c.launchesPerMinute; i++) {
          const user = `u${Math.floor(random() * USER_POOL)}`;
          const answer = answerFor(appId, user);
          if (!answer.ok) throw new Error(`${appId}: ${answer.message}`);
          const isGray = answer.channel === 'gray';
          events.launch(appId, user);
          if (isGray) r.grayLaunches++;
          for (const signal of SIGNALS) {
            const rate = c.rates[signal] * (isGray ? (c.worse?.[signal] ?? 1) : 1);
            if (random() < rate) events[TYPE[signal]](appId, user);
          }
          // A single app's minute can outgrow the queue (a million launches): deliver as it goes.
          if (i % BATCH === BATCH - 1 && events.stats().queued >= 100 * BATCH) await delivered();
        }
        // Memory stays bounded when hundreds of apps report at once; batches stay full.
        if (events.stats().queued >= 10 * BATCH) await delivered();
      }
      await delivered();
      if (active === 0) break;
      await timers.advance(minuteStart + MINUTE - timers.now());
      await apply((await s.ticker.tick()).decisions);
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
    await reporter?.close();
    await s.close();
  }
}

function looked(s: SignalHealth): LookedSignal {
  return {
    eValue: s.eValue,
    eThreshold: s.eThreshold,
    ratio: s.ratio,
    difference: s.gray.rate - s.stable.rate,
    verdict: s.verdict,
  };
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
