// "Gray at full speed": a resolver holding 1M apps. Heap bytes per app, the resolve rate on 100 hot apps against
// a 100-app snapshot, the cost of a change, a cold start from the disk snapshot in a fresh process, and a join
// from the change stream's snapshot with no disk snapshot.
// Run: `npm run bench:scale` (builds, then `node --expose-gc bench/scale/run.mjs`). Imports the BUILT packages.
// BENCH_APPS (default 1000000), BENCH_PASSES (default 9); `--with-json` also times the old JSON file's start.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  buildReleaseState,
  compileApp,
  decide,
  resolve,
  snapshotEvents,
  withApp,
} from '../../packages/core/dist/index.js';
import { encodeSnapshot, ResolverState, SnapshotFile } from '../../packages/resolver/dist/index.js';
import { asciiIds, prng } from '../decide/ids.mjs';
import { median, round, si, spreadPct, table } from '../decide/stats.mjs';
import { hotAppIndices, synthApp, synthApps } from './synth.mjs';

const APPS = Number(process.env.BENCH_APPS ?? 1_000_000);
const PASSES = Number(process.env.BENCH_PASSES ?? 9);
const WARMUP = 2;
const REQUESTS = 2_000_000;
const CHANGES = 100_000;
const GOALS = { bytesPerApp: 300, rateWithinPct: 10, coldStartMs: 2000 };
if (!globalThis.gc) throw new Error('run with node --expose-gc (npm run bench:scale)');
const heapUsed = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

// 1. Heap per app: the store built from a stream of AppReleases (each garbage once packed).
const heap0 = heapUsed();
let t = performance.now();
const big = new ResolverState(buildReleaseState(1, synthApps(APPS)));
const buildMs = performance.now() - t;
const bytesPerApp = (heapUsed() - heap0) / APPS;
const rss = process.memoryUsage().rss;

// 2. The resolve rate on 100 hot apps, random users: 1M-app store, 100-app store, and the layout before (a Map
//    of compiled apps), interleaved so drift touches each alike. Each must give the same answers.
const hotApps = hotAppIndices(APPS).map(synthApp);
const small = new ResolverState(buildReleaseState(1, hotApps));
// The layout before, with the resolve of before: a Map of compiled apps behind a state's getter.
const beforeSnapshot = { seq: 1, apps: new Map(hotApps.map((a) => [a.appId, compileApp(a)])) };
const beforeState = {
  get snapshot() {
    return beforeSnapshot;
  },
};
const resolveBefore = (snapshot, appId, userId) => {
  const app = snapshot.apps.get(appId);
  return app === undefined ? { ok: false, appId, code: 'APP_NOT_FOUND' } : decide(app, userId);
};
const rnd = prng(42);
const users = asciiIds(100_000, 3);
const reqApps = Array.from({ length: REQUESTS }, () => hotApps[Math.floor(rnd() * hotApps.length)].appId);
const reqUsers = Array.from({ length: REQUESTS }, () => users[Math.floor(rnd() * users.length)]);
const variants = {
  store1M: (state = big) => {
    let gray = 0;
    for (let i = 0; i < REQUESTS; i++)
      if (resolve(state.snapshot, reqApps[i], reqUsers[i]).channel === 'gray') gray++;
    return gray;
  },
  store100: () => variants.store1M(small),
  mapBefore: () => {
    let gray = 0;
    for (let i = 0; i < REQUESTS; i++) {
      if (resolveBefore(beforeState.snapshot, reqApps[i], reqUsers[i]).channel === 'gray') gray++;
    }
    return gray;
  },
};
const rates = { store1M: [], store100: [], mapBefore: [] };
const grays = new Set();
for (let pass = 0; pass < WARMUP + PASSES; pass++) {
  const names = Object.keys(variants);
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + pass) % names.length];
    const start = performance.now();
    grays.add(variants[name]());
    if (pass >= WARMUP) rates[name].push(REQUESTS / ((performance.now() - start) / 1000));
  }
}
if (grays.size !== 1) throw new Error(`the variants disagree: ${[...grays]}`);
const rate = Object.fromEntries(Object.entries(rates).map(([name, xs]) => [name, median(xs)]));
const rateVs100Apps = rate.store1M / rate.store100;

// 3. A full compiled cache (the worst case for memory), then changes: in place vs. the copying `withApp`.
const cacheHeap0 = heapUsed();
const cacheSize = big.snapshot.apps.compiledCacheSize;
for (let i = 0; i < cacheSize; i++) big.snapshot.apps.get(`app-${(i * 7919) % APPS}`);
const bytesPerCompiled = (heapUsed() - cacheHeap0) / big.snapshot.apps.compiledCount;
const changes = Array.from({ length: CHANGES }, () => {
  const a = synthApp(Math.floor(rnd() * APPS));
  return { appId: a.appId, app: { ...a, revision: a.revision + 1 } };
});
let seq = big.snapshot.seq;
t = performance.now();
for (const c of changes) big.apply({ seq: ++seq, ...c });
const changeUs = ((performance.now() - t) * 1000) / CHANGES;
t = performance.now();
let copied = big.snapshot;
for (const c of changes.slice(0, 3)) copied = withApp(copied, copied.seq + 1, c.appId, c.app);
const withAppMs = (performance.now() - t) / 3;
copied = null;

// 4. The disk snapshot, then cold starts in fresh processes (the file is in the page cache, as after a restart).
const dir = await mkdtemp(join(tmpdir(), 'minirelease-scale-'));
const file = new SnapshotFile(dir, () => big.snapshot);
t = performance.now();
file.schedule();
await file.flush();
const writeMs = performance.now() - t;
const fileBytes = (await stat(file.path)).size;
const child = fileURLToPath(new URL('cold-start.mjs', import.meta.url));
function coldStart(from, script = child) {
  const started = performance.now();
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [script, from, hotApps[0].appId], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) done({ ms: performance.now() - started, ...JSON.parse(out) });
    });
    p.on('exit', (code) => code === 0 || fail(new Error(`cold start exited ${code}`)));
  });
}
const starts = [];
for (let i = 0; i < 3; i++) starts.push(await coldStart(dir));
if (starts.some((s) => s.apps !== big.snapshot.apps.size || !s.answer.ok))
  throw new Error('cold start answered wrong');
const coldStartMs = median(starts.map((s) => s.ms));
const loadMs = median(starts.map((s) => s.loadMs));
let json = null;
if (process.argv.includes('--with-json')) {
  const old = await mkdtemp(join(tmpdir(), 'minirelease-scale-json-'));
  const text = JSON.stringify({ seq: big.snapshot.seq, apps: [...big.snapshot.apps.releases()] });
  await writeFile(join(old, 'resolver-snapshot.json'), text);
  json = { bytes: Buffer.byteLength(text), ...(await coldStart(old)) };
  await rm(old, { recursive: true, force: true });
}
await rm(dir, { recursive: true, force: true });

// 5. A resolver joining with no disk snapshot, as the API serves it (the store copied at one seq, then written in
//    parts that wait for the socket): from `/v1/stream/snapshot` (binary), and, for an API without that route,
//    from the stream's JSON snapshot events. Both read by the resolver's StreamClient in a fresh process.
let cloneMs = 0;
let binaryRoute = true;
const write = async (res, chunks) => {
  for (const chunk of chunks) {
    if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
    if (res.destroyed) return;
  }
};
const copyNow = () => {
  const started = performance.now();
  const copy = big.copy();
  cloneMs = performance.now() - started;
  return copy;
};
const upstream = createServer(async (req, res) => {
  const at = big.snapshot.seq;
  if (req.url === '/v1/stream/snapshot') {
    if (!binaryRoute) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-minirelease-seq': String(at) });
    await write(res, encodeSnapshot(copyNow()));
    return void res.end();
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  // Resumed after the binary snapshot: nothing has changed since; the stream stays open.
  if (req.headers['last-event-id'] === undefined)
    await write(res, snapshotEvents(at, copyNow().apps.releases()));
});
await new Promise((r) => upstream.listen(0, '127.0.0.1', r));
const joinScript = fileURLToPath(new URL('stream-join.mjs', import.meta.url));
const joinUrl = `http://127.0.0.1:${upstream.address().port}`;
const joinRounds = async () => {
  const joins = [];
  for (let i = 0; i < 3; i++) joins.push(await coldStart(joinUrl, joinScript));
  if (joins.some((j) => j.apps !== big.snapshot.apps.size || !j.answer.ok))
    throw new Error('join answered wrong');
  return median(joins.map((j) => j.ms));
};
const streamJoinMs = await joinRounds();
binaryRoute = false;
const streamJoinJsonMs = await joinRounds();
upstream.closeAllConnections();
upstream.close();

const ok =
  bytesPerApp <= GOALS.bytesPerApp &&
  rateVs100Apps >= 1 - GOALS.rateWithinPct / 100 &&
  coldStartMs <= GOALS.coldStartMs;
const spread = (name) => `±${round(spreadPct(rates[name]) / 2, 1)} %`;
console.log(
  `${si(APPS)} apps (${hotApps.length} hot, half in gray), ${PASSES} passes of ${si(REQUESTS)} resolves\n`,
);
console.log(
  table(
    ['measure', 'value', 'goal'],
    [
      ['heap per app (packed store)', `${round(bytesPerApp, 1)} B`, `≤ ${GOALS.bytesPerApp} B`],
      ['heap, whole store', MB(bytesPerApp * APPS), ''],
      ['RSS after load', MB(rss), ''],
      [`compiled cache full (${cacheSize})`, `+${round((bytesPerCompiled * cacheSize) / APPS, 1)} B/app`, ''],
      ['  one compiled app', `${round(bytesPerCompiled, 0)} B`, ''],
      ['build from AppReleases', `${round(buildMs, 0)} ms`, ''],
      ['resolve/s, 1M-app store', `${si(rate.store1M)} ${spread('store1M')}`, ''],
      ['resolve/s, 100-app store', `${si(rate.store100)} ${spread('store100')}`, ''],
      ['resolve/s, Map of compiled (before)', `${si(rate.mapBefore)} ${spread('mapBefore')}`, ''],
      ['rate 1M / 100 apps', round(rateVs100Apps, 3), `≥ ${1 - GOALS.rateWithinPct / 100}`],
      ['change, in place', `${round(changeUs, 2)} µs`, ''],
      ['change, withApp (copy)', `${round(withAppMs, 1)} ms`, ''],
      ['disk snapshot', MB(fileBytes), ''],
      ['disk snapshot write', `${round(writeMs, 0)} ms`, ''],
      ['cold start (spawn → answer)', `${round(coldStartMs, 0)} ms`, `≤ ${GOALS.coldStartMs} ms`],
      ['  load (read → ready)', `${round(loadMs, 0)} ms`, ''],
      ['join, binary snapshot (spawn → answer)', `${round(streamJoinMs, 0)} ms`, ''],
      ['join, JSON snapshot events', `${round(streamJoinJsonMs, 0)} ms`, ''],
      ['  store copy on the API', `${round(cloneMs, 0)} ms`, ''],
      ...(json
        ? [
            ['old JSON file', MB(json.bytes), ''],
            ['cold start from old JSON', `${round(json.ms, 0)} ms`, ''],
          ]
        : []),
    ],
  ),
);
console.log(
  JSON.stringify({
    bench: 'scale',
    apps: APPS,
    bytesPerApp: round(bytesPerApp, 1),
    rateVs100Apps: round(rateVs100Apps, 3),
    coldStartMs: round(coldStartMs, 0),
    loadMs: round(loadMs, 0),
    streamJoinMs: round(streamJoinMs, 0),
    streamJoinJsonMs: round(streamJoinJsonMs, 0),
    streamCloneMs: round(cloneMs, 0),
    goals: GOALS,
    ok,
    rssBytes: rss,
    bytesPerAppWithFullCache: round(bytesPerApp + (bytesPerCompiled * cacheSize) / APPS, 1),
    resolvesPerSec: { store1M: Math.round(rate.store1M), store100: Math.round(rate.store100) },
    rateVsMapBefore: round(rate.store100 / rate.mapBefore, 3),
    changeUs: round(changeUs, 2),
    withAppMs: round(withAppMs, 1),
    fileBytes,
    writeMs: round(writeMs, 0),
    ...(json ? { jsonColdStartMs: round(json.ms, 0), jsonBytes: json.bytes } : {}),
  }),
);
