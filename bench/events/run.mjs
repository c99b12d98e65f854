// bench/events — host event ingestion (issue 14): one `minirelease start` process on SQLite takes batches of
// 500 events over HTTP from a pool of keep-alive clients. Goal: ≥ 50,000 events/s with a batch's p99 ≤ 50 ms,
// while GET …/health answers with p99 ≤ 50 ms; then every batch is sent again with its Idempotency-Key and no
// count may change. Uses the built packages: run as `npm run bench:events` (which builds first).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, minirelease, runWithCleanup, stopAll, waitFor } from '../propagation/processes.mjs';
import { apiClient, grayApps } from '../propagation/setup.mjs';

const PASSES = 3;
const BATCHES_PER_PASS = 1_000;
const BATCH = 500;
const CLIENTS = 4;
const APPS = 4;
const HEALTH_EVERY_MS = 50;
const GOAL = { eventsPerSecond: 50_000, batchP99Ms: 50, healthP99Ms: 50 };

let tmp;

async function main() {
  tmp = await mkdtemp(join(tmpdir(), 'minirelease-events-'));
  const port = await freePort();
  const api = minirelease('api', [
    ...['start', '--port', String(port), '--data-dir', join(tmp, 'api'), '--log-level', 'warn'],
  ]);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`, api);
  const admin = (await readFile(join(tmp, 'api', 'admin-token'), 'utf8')).trim();
  const call = apiClient(base, admin);
  const apps = await grayApps(call, APPS);
  const { key } = await call('POST', '/v1/host-keys', { name: 'bench' });
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS + 1 });

  const passes = [];
  const sent = { launches: 0, errors: 0, crashes: 0, feedback: 0 };
  const allBatches = [];
  for (let p = 0; p < PASSES; p++) {
    const batches = makeBatches(apps, p, sent);
    allBatches.push(...batches);
    passes.push(await ingest(port, agent, key, batches, admin, apps[0].appId));
  }
  const counted = await counts(call, apps);
  const replay = await ingest(port, agent, key, allBatches, admin, apps[0].appId);
  const recounted = await counts(call, apps);
  agent.destroy();
  report(passes, replay, sent, counted, recounted);
}

/** Batches of 500 events over the apps: 1 % gray, ≈ 2 % errors, crashes and feedback; users of 200,000. */
function makeBatches(apps, pass, sent) {
  const now = Date.now();
  const batches = [];
  let seed = 0x9e3779b9 ^ pass;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let b = 0; b < BATCHES_PER_PASS; b++) {
    const events = [];
    for (let i = 0; i < BATCH; i++) {
      const app = apps[Math.floor(random() * apps.length)].appId;
      const gray = random() < 0.01;
      const r = random();
      const type = r < 0.94 ? 'launch' : r < 0.96 ? 'error' : r < 0.98 ? 'crash' : 'feedback';
      sent[
        type === 'launch'
          ? 'launches'
          : type === 'error'
            ? 'errors'
            : type === 'crash'
              ? 'crashes'
              : 'feedback'
      ]++;
      events.push({
        app,
        version: gray ? '1.1.0' : '1.0.0',
        channel: gray ? 'gray' : 'stable',
        user: `user-${Math.floor(random() * 200_000)}`,
        type,
        // A host reports what happened in the last seconds.
        at: now - Math.floor(random() * 30_000),
      });
    }
    batches.push({ id: `bench-${pass}-${b}`, body: JSON.stringify({ events }) });
  }
  return batches;
}

/** Sends the batches from CLIENTS keep-alive clients; polls the health route alongside. */
async function ingest(port, agent, key, batches, admin, appId) {
  const latencies = [];
  const health = [];
  let next = 0;
  let done = false;
  let accepted = 0;
  const healthLoop = (async () => {
    while (!done) {
      const t = performance.now();
      const r = await send(port, agent, 'GET', `/v1/apps/${appId}/versions/1.1.0/health?window=1h`, admin);
      if (r.status !== 200) throw new Error(`health: ${r.status} ${r.body}`);
      health.push(performance.now() - t);
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  })();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        const t = performance.now();
        const r = await send(port, agent, 'POST', '/v1/events', key, batch.body, batch.id);
        latencies.push(performance.now() - t);
        if (r.status !== 202) throw new Error(`events: ${r.status} ${r.body}`);
        accepted += JSON.parse(r.body).accepted;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  done = true;
  await healthLoop;
  return { eventsPerSecond: (batches.length * BATCH) / seconds, latencies, health, accepted, seconds };
}

function send(port, agent, method, path, token, body, idempotencyKey) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const req = request({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the server counted, summed over the apps: gray and stable, each signal, read from GET …/health. */
async function counts(call, apps) {
  const total = { launches: 0, errors: 0, crashes: 0, feedback: 0 };
  for (const { appId } of apps) {
    const h = await call('GET', `/v1/apps/${appId}/versions/1.1.0/health?window=1d`);
    for (const side of ['gray', 'stable']) {
      total.launches += h.signals.errorRate[side].launches;
      total.errors += h.signals.errorRate[side].events;
      total.crashes += h.signals.crashRate[side].events;
      total.feedback += h.signals.feedbackRate[side].events;
    }
  }
  return total;
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const r1 = (x) => Math.round(x * 10) / 10;
const median = (xs) => quantile(xs, 0.5);

function report(passes, replay, sent, counted, recounted) {
  console.log(
    `events: ${PASSES} passes of ${BATCHES_PER_PASS} batches × ${BATCH} events, ${CLIENTS} keep-alive clients, one start process on SQLite`,
  );
  console.log(
    `${'pass'.padEnd(8)}${['events/s', 'batch p50', 'batch p99', 'health p50', 'health p99', 'polls'].map((h) => h.padStart(12)).join('')}`,
  );
  const row = (name, p) =>
    console.log(
      `${name.padEnd(8)}${[
        Math.round(p.eventsPerSecond).toLocaleString('en'),
        `${r1(quantile(p.latencies, 0.5))} ms`,
        `${r1(quantile(p.latencies, 0.99))} ms`,
        `${r1(quantile(p.health, 0.5))} ms`,
        `${r1(quantile(p.health, 0.99))} ms`,
        String(p.health.length),
      ]
        .map((c) => c.padStart(12))
        .join('')}`,
    );
  for (const [i, p] of passes.entries()) row(String(i + 1), p);
  row('replay', replay);
  const rates = passes.map((p) => p.eventsPerSecond);
  const batchP99 = median(passes.map((p) => quantile(p.latencies, 0.99)));
  const healthP99 = median(passes.map((p) => quantile(p.health, 0.99)));
  const eventsPerSecond = median(rates);
  const spread = (Math.max(...rates) - Math.min(...rates)) / eventsPerSecond;
  const countsOk = ['launches', 'errors', 'crashes', 'feedback'].every((k) => counted[k] === sent[k]);
  const replayOk =
    JSON.stringify(counted) === JSON.stringify(recounted) &&
    replay.accepted === passes.reduce((a, p) => a + p.accepted, 0);
  console.log(`sent     ${JSON.stringify(sent)}`);
  console.log(`counted  ${JSON.stringify(counted)} ${countsOk ? '= sent' : '≠ sent'}`);
  console.log(
    `replayed ${JSON.stringify(recounted)} ${replayOk ? 'unchanged: every replay counted once' : 'CHANGED'}`,
  );
  console.log(
    `goal: ≥ ${GOAL.eventsPerSecond.toLocaleString('en')} events/s, batch p99 ≤ ${GOAL.batchP99Ms} ms, health p99 ≤ ${GOAL.healthP99Ms} ms (medians of ${PASSES} passes)`,
  );
  const ok =
    eventsPerSecond >= GOAL.eventsPerSecond &&
    batchP99 <= GOAL.batchP99Ms &&
    healthP99 <= GOAL.healthP99Ms &&
    countsOk &&
    replayOk;
  console.log(
    JSON.stringify({
      bench: 'events',
      eventsPerSecond: Math.round(eventsPerSecond),
      spread: Math.round(spread * 100) / 100,
      batchP50Ms: r1(median(passes.map((p) => quantile(p.latencies, 0.5)))),
      batchP99Ms: r1(batchP99),
      healthP99Ms: r1(healthP99),
      replayEventsPerSecond: Math.round(replay.eventsPerSecond),
      batchSize: BATCH,
      clients: CLIENTS,
      countsOk,
      replayOk,
      goal: GOAL,
      ratioToGoal: Math.round((eventsPerSecond / GOAL.eventsPerSecond) * 100) / 100,
      ok,
    }),
  );
  if (!countsOk || !replayOk) process.exitCode = 1;
}

async function cleanup() {
  await stopAll();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

await runWithCleanup(main, cleanup);
