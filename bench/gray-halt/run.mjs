// bench/gray-halt — how long a bad gray stays with users (issue 14, "Latency"): `minirelease start` on SQLite
// with its gray ticker at the default interval and 2 `serve --role resolver` processes, all real processes on
// loopback. TRIALS apps each have 1.0.0 live and 1.1.0 in gray at 1 % under a plan with `onDegraded: cancel`;
// healthy traffic first, then one batch that tips the crash signal. Each trial is timed from that batch's 202
// until the plan's move is an audit record and every resolver answers stable to the app's gray users.
// Uses the built packages: run as `npm run bench:gray-halt` (which builds first).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, minirelease, root, runWithCleanup, stopAll, waitFor } from '../propagation/processes.mjs';
import { apiClient, grayApps } from '../propagation/setup.mjs';

const TRIALS = 30;
const RESOLVERS = 2;
const GRAY_USERS = 5;
/** The tipping batches are spread over this long, so the trials meet the ticker at every phase of its interval. */
const SPREAD_MS = 30_000;
const POLL_MS = 100;
const GOAL_P99_MS = 120_000;

const { grayBucketer } = await import(join(root, 'packages/core/dist/index.js'));
let tmp;

async function main() {
  tmp = await mkdtemp(join(tmpdir(), 'minirelease-gray-halt-'));
  const apiPort = await freePort();
  const api = minirelease('api', [
    ...['start', '--port', String(apiPort), '--data-dir', join(tmp, 'api'), '--log-level', 'warn'],
  ]);
  const base = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${base}/readyz`, api);
  const admin = (await readFile(join(tmp, 'api', 'admin-token'), 'utf8')).trim();
  const call = apiClient(base, admin);
  const resolvers = [];
  for (let i = 0; i < RESOLVERS; i++) {
    const { token } = await call('POST', '/v1/tokens', {
      principal: `resolver-${i + 1}`,
      roles: ['resolver'],
    });
    const port = await freePort();
    const child = minirelease(`resolver ${i + 1}`, [
      ...['serve', '--role', 'resolver', '--upstream', base, '--port', String(port)],
      ...['--data-dir', join(tmp, `resolver-${i + 1}`), '--token', token, '--log-level', 'warn'],
    ]);
    resolvers.push({ url: `http://127.0.0.1:${port}`, child });
  }
  await Promise.all(resolvers.map((r) => waitFor(`${r.url}/readyz`, r.child)));
  const apps = await grayApps(call, TRIALS);
  const { key } = await call('POST', '/v1/host-keys', { name: 'bench' });
  const post = hostPoster(base, key);

  for (const { appId } of apps) {
    await call('PUT', `/v1/apps/${appId}/versions/1.1.0/gray-plan`, {
      steps: [1, 5],
      soakMinutes: 60,
      minLaunches: 0,
      onDegraded: 'cancel',
    });
    // Healthy minutes first: 300 gray and 29,700 stable launches, crashes at 0.2 % on stable only.
    await post(traffic(appId, { gray: 300, stable: 29_700, stableCrashes: 60 }));
  }
  for (const { appId } of apps) {
    const users = grayUsers(appId);
    for (const r of resolvers) {
      const a = await resolve(r, appId, users[0]);
      if (a.version !== '1.1.0')
        throw new Error(`${appId} not in gray before the trial: ${JSON.stringify(a)}`);
    }
  }

  const trials = await Promise.all(
    apps.map(async ({ appId }, i) => {
      await sleep((SPREAD_MS * i) / apps.length);
      const users = grayUsers(appId);
      // The batch that tips it: 60 gray crashes (20 % of gray launches against 0.2 % on stable).
      const tip = traffic(appId, { grayCrashes: 60 });
      await post(tip);
      const accepted = performance.now();
      const [audited, stable] = await Promise.all([
        until(async () => {
          const log = await call('GET', `/v1/apps/${appId}/audit-log?limit=5`);
          return log.items.some((a) => a.actor === 'gray-plan' && a.action === 'cancel-gray');
        }),
        Promise.all(
          resolvers.map((r) =>
            until(async () => {
              for (const user of users) {
                const a = await resolve(r, appId, user);
                if (a.version !== '1.0.0' || a.channel !== 'stable') return false;
              }
              return true;
            }),
          ),
        ).then((times) => Math.max(...times)),
      ]);
      return { audit: audited - accepted, total: Math.max(audited, stable) - accepted };
    }),
  );
  report(trials);
}

/** Events for one app in batches of at most 1,000, each a fresh Idempotency-Key. */
function traffic(appId, n) {
  const at = Date.now();
  const events = [];
  const add = (count, channel, type) => {
    for (let i = 0; i < (count ?? 0); i++) {
      events.push({
        app: appId,
        version: channel === 'gray' ? '1.1.0' : '1.0.0',
        channel,
        user: `${channel}-${i}`,
        type,
        at,
      });
    }
  };
  add(n.gray, 'gray', 'launch');
  add(n.grayCrashes, 'gray', 'crash');
  add(n.stable, 'stable', 'launch');
  add(n.stableCrashes, 'stable', 'crash');
  const batches = [];
  for (let i = 0; i < events.length; i += 1_000) batches.push(events.slice(i, i + 1_000));
  return batches;
}

let batchSeq = 0;
function hostPoster(base, key) {
  return async (batches) => {
    for (const events of batches) {
      const res = await fetch(`${base}/v1/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'idempotency-key': `halt-${process.pid}-${++batchSeq}`,
        },
        body: JSON.stringify({ events }),
      });
      const body = await res.json();
      if (res.status !== 202 || body.rejected.length > 0)
        throw new Error(`events: ${res.status} ${JSON.stringify(body)}`);
    }
  };
}

function grayUsers(appId) {
  const bucketer = grayBucketer(appId, '1.1.0');
  const users = [];
  for (let n = 0; users.length < GRAY_USERS; n++)
    if (bucketer.bucket(`user-${n}`) < 100) users.push(`user-${n}`);
  return users;
}

async function resolve(r, appId, user) {
  const res = await fetch(`${r.url}/v1/resolve?app=${appId}&user=${encodeURIComponent(user)}`);
  return res.json();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every POLL_MS; answers when it first held (performance.now). */
async function until(check, timeoutMs = 5 * 60_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return performance.now();
    if (performance.now() > deadline) throw new Error('not within 5 min');
    await sleep(POLL_MS);
  }
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const s1 = (ms) => Math.round(ms / 100) / 10;

function report(trials) {
  const total = trials.map((t) => t.total);
  const audit = trials.map((t) => t.audit);
  console.log(
    `gray-halt: ${TRIALS} trials, 1 start process (gray ticker every 15 s, the default) + ${RESOLVERS} resolver processes`,
  );
  console.log(`${''.padEnd(40)}${['p50', 'p90', 'p99', 'max'].map((h) => h.padStart(9)).join('')}`);
  const row = (name, xs) =>
    console.log(
      `${name.padEnd(40)}${[0.5, 0.9, 0.99].map((q) => `${s1(quantile(xs, q))} s`.padStart(9)).join('')}${`${s1(Math.max(...xs))} s`.padStart(9)}`,
    );
  row('tipping batch accepted → audit record', audit);
  row('… → audit record and every resolver stable', total);
  const p99 = quantile(total, 0.99);
  console.log(`goal: p99 ≤ ${GOAL_P99_MS / 1000} s`);
  console.log(
    JSON.stringify({
      bench: 'gray-halt',
      trials: TRIALS,
      resolvers: RESOLVERS,
      tickSeconds: 15,
      auditP50Ms: Math.round(quantile(audit, 0.5)),
      p50Ms: Math.round(quantile(total, 0.5)),
      p90Ms: Math.round(quantile(total, 0.9)),
      p99Ms: Math.round(p99),
      maxMs: Math.round(Math.max(...total)),
      goalP99Ms: GOAL_P99_MS,
      ratioToGoal: Math.round((p99 / GOAL_P99_MS) * 1000) / 1000,
      ok: p99 <= GOAL_P99_MS,
    }),
  );
}

async function cleanup() {
  await stopAll();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

await runWithCleanup(main, cleanup);
