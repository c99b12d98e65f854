// bench/propagation — how long a gray change takes to reach resolver processes (issue "Gray at full speed").
// `minirelease start` and 4 `serve --role resolver` processes on loopback; 200 gray widenings over 4 apps; each
// timed from sending the write until all 4 resolvers answer a user whom the widening moved into gray.
// Uses the built packages: run as `npm run bench:propagation` (which builds first).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort, minirelease, root, runWithCleanup, stopAll, waitFor } from './processes.mjs';
import { apiClient, grayApps } from './setup.mjs';

const CHANGES = 200;
const RESOLVERS = 4;
const APPS = 4;
const GOAL_P99_MS = 100;
const STEP_BP = 100; // each widening adds 1 %
const POLL_MS = 1;

const { grayBucketer } = await import(join(root, 'packages/core/dist/index.js'));
const { SseParser } = await import(join(root, 'packages/core/dist/index.js'));
let tmp;

async function main() {
  tmp = await mkdtemp(join(tmpdir(), 'minirelease-propagation-'));
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
  const apps = await grayApps(call, APPS);
  const seq = (await call('GET', '/readyz')).snapshotSeq;
  await Promise.all(resolvers.map((r) => until(async () => (await json(`${r.url}/readyz`)).seq >= seq)));
  // The bench's own stream subscriber: when each change left the API, to split the time into its two halves.
  const { token: watcher } = await call('POST', '/v1/tokens', {
    principal: 'bench-watcher',
    roles: ['resolver'],
  });
  const arrivals = await watchStream(base, watcher, seq);

  const total = [];
  const acked = [];
  const afterAck = [];
  const toStream = [];
  const streamToAll = [];
  for (let i = 0; i < CHANGES; i++) {
    const app = apps[i % APPS];
    const from = app.basisPoints;
    const to = from + STEP_BP;
    const user = userMovedIntoGray(app.appId, from, to);
    for (const r of resolvers)
      if ((await answer(r, app.appId, user)).channel !== 'stable') throw new Error('not stable before');
    const start = performance.now();
    let ackAt = 0;
    const write = call('POST', `/v1/apps/${app.appId}/versions/1.1.0/gray`, { percentage: to / 100 }).then(
      () => {
        ackAt = performance.now();
      },
    );
    const seen = await Promise.all(resolvers.map((r) => pollUntilGray(r, app.appId, user)));
    await write;
    const last = Math.max(...seen);
    total.push(last - start);
    acked.push(ackAt - start);
    afterAck.push(Math.max(0, last - ackAt));
    // The watcher may read the event after the resolvers answered: its process is busy polling.
    await until(() => arrivals.has(seq + i + 1), 5000, 1);
    const arrived = arrivals.get(seq + i + 1);
    toStream.push(arrived - start);
    streamToAll.push(Math.max(0, last - arrived));
    app.basisPoints = to;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  arrivals.stop();
  report(total, { acked, afterAck, toStream, streamToAll });
}

/** A user whose bucket lies in [from, to): stable before the widening, gray after it. */
function userMovedIntoGray(appId, from, to) {
  const bucketer = grayBucketer(appId, '1.1.0');
  for (let n = 0; ; n++) {
    const user = `bench-user-${n}`;
    const b = bucketer.bucket(user);
    if (b >= from && b < to) return user;
  }
}

async function json(url) {
  const res = await fetch(url);
  return res.json();
}

const answer = (r, appId, user) => json(`${r.url}/v1/resolve?app=${appId}&user=${encodeURIComponent(user)}`);

/**
 * Asks one resolver every POLL_MS until it answers the gray version; when it first did. Not back to back: on a
 * small machine four busy pollers would take the CPU the API and the resolvers need, and measure themselves.
 */
async function pollUntilGray(r, appId, user) {
  const deadline = performance.now() + 10_000;
  for (;;) {
    const a = await answer(r, appId, user);
    const now = performance.now();
    if (a.channel === 'gray' && a.version === '1.1.0') return now;
    if (now > deadline) throw new Error(`${r.url} still answers ${JSON.stringify(a)} after 10 s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Follows /v1/stream after `seq` as a resolver would; answers a Map seq → arrival time (performance.now). */
async function watchStream(base, token, seq) {
  const arrivals = new Map();
  const controller = new AbortController();
  const res = await fetch(`${base}/v1/stream?after=${seq}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const parser = new SseParser((m) => arrivals.set(Number(m.id), performance.now()));
  const decoder = new TextDecoder();
  (async () => {
    for await (const chunk of res.body) parser.push(decoder.decode(chunk, { stream: true }));
  })().catch(() => {});
  arrivals.stop = () => controller.abort();
  return arrivals;
}

async function until(check, timeoutMs = 10_000, everyMs = 20) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (x) => Math.round(x * 100) / 100;

function report(total, parts) {
  const row = (name, xs) =>
    `${name.padEnd(26)}${[0.5, 0.9, 0.99].map((q) => `${ms(quantile(xs, q)).toFixed(2)} ms`.padStart(11)).join('')}${`${ms(Math.max(...xs)).toFixed(2)} ms`.padStart(11)}`;
  console.log(`propagation: ${CHANGES} gray widenings over ${APPS} apps → ${RESOLVERS} resolver processes`);
  console.log(`${''.padEnd(26)}${['p50', 'p90', 'p99', 'max'].map((h) => h.padStart(11)).join('')}`);
  console.log(row('write sent → all answer', total));
  console.log(row('  write sent → API acked', parts.acked));
  console.log(row('  write acked → all answer', parts.afterAck));
  console.log(row('  write sent → on the stream', parts.toStream));
  console.log(row('  on the stream → all answer', parts.streamToAll));
  const p99 = ms(quantile(total, 0.99));
  console.log(`goal: p99 < ${GOAL_P99_MS} ms from the write being sent`);
  console.log(
    JSON.stringify({
      bench: 'propagation',
      p50Ms: ms(quantile(total, 0.5)),
      p90Ms: ms(quantile(total, 0.9)),
      p99Ms: p99,
      maxMs: ms(Math.max(...total)),
      changes: CHANGES,
      resolvers: RESOLVERS,
      goalP99Ms: GOAL_P99_MS,
      ok: p99 < GOAL_P99_MS,
    }),
  );
}

async function cleanup() {
  await stopAll();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

await runWithCleanup(main, cleanup);
