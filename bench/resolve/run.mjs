/**
 * bench:resolve — HTTP on loopback with autocannon: node:http with a constant body (the limit), our resolver
 * (Fastify + the built resolver routes, 100 apps in gray at 50 %, a different user on every request) and
 * @unleash/proxy's frontend API (offline, one gradual-rollout toggle). Each server in its own child process, so
 * the load generator never shares its event loop; rounds interleaved, median and spread.
 * The machine's speed drifts by more than the gap being measured (±15 % between runs), so the ratios are the
 * median of each round's own ratio — the servers of a round run back to back — and the ratio of the medians
 * is printed beside them.
 * Env: RESOLVE_CONNECTIONS (50), RESOLVE_DURATION s (10), RESOLVE_WARMUP s (2), RESOLVE_ROUNDS (5).
 */
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { median, round, si, spreadPct, table } from '../decide/stats.mjs';
import { paths } from './fixture.mjs';

const CONNECTIONS = Number(process.env.RESOLVE_CONNECTIONS ?? 50);
const DURATION = Number(process.env.RESOLVE_DURATION ?? 10);
const WARMUP = Number(process.env.RESOLVE_WARMUP ?? 2);
const ROUNDS = Math.max(1, Number(process.env.RESOLVE_ROUNDS ?? 5));

const contestants = [
  { key: 'nodeHttp', label: 'node:http, constant JSON (limit)', server: 'node-http', pool: paths('resolve') },
  { key: 'ours', label: 'minirelease resolver (Fastify)', server: 'ours', pool: paths('resolve') },
  {
    key: 'proxy',
    label: '@unleash/proxy GET /proxy',
    server: 'unleash-proxy',
    pool: paths('proxy'),
    headers: { authorization: 'bench-frontend-key' },
  },
];

function start(name) {
  const child = fork(new URL(`./servers/${name}.mjs`, import.meta.url), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', ({ port }) => resolve({ child, url: `http://127.0.0.1:${port}` }));
    child.once('exit', (code) => reject(new Error(`${name} server exited (${code}) before listening`)));
  });
}

/**
 * One autocannon run; each connection walks the pool, a new user (and app) on every request. The requests are
 * static so autocannon builds each once: a per-request `setupRequest` costs the load generator, which shares
 * the two cores with the server, about a fifth of its rate.
 */
function load(c, url, seconds) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: c.headers,
    requests: c.pool.map((path) => ({ method: 'GET', path })),
  });
}

const servers = {};
try {
  for (const c of contestants) servers[c.key] = await start(c.server);
  for (const c of contestants) {
    const res = await fetch(servers[c.key].url + c.pool[0], { headers: c.headers });
    if (res.status !== 200) throw new Error(`${c.label}: ${res.status} ${await res.text()}`);
    c.sample = await res.text();
  }
  const runs = Object.fromEntries(contestants.map((c) => [c.key, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let j = 0; j < contestants.length; j++) {
      const c = contestants[(j + r) % contestants.length];
      if (WARMUP > 0) await load(c, servers[c.key].url, WARMUP);
      const result = await load(c, servers[c.key].url, DURATION);
      if (result.errors || result.timeouts || result.non2xx) {
        throw new Error(
          `${c.label}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
        );
      }
      runs[c.key].push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
      process.stderr.write(`round ${r + 1}/${ROUNDS} ${c.key}: ${si(result.requests.average)} req/s\n`);
    }
  }
  const m = {};
  for (const c of contestants) {
    const xs = runs[c.key];
    m[c.key] = {
      rps: median(xs.map((x) => x.rps)),
      spread: spreadPct(xs.map((x) => x.rps)),
      p50: median(xs.map((x) => x.p50)),
      p99: median(xs.map((x) => x.p99)),
    };
  }
  console.log(
    `\n${CONNECTIONS} connections, ${DURATION} s per run (+${WARMUP} s warm-up), ${ROUNDS} interleaved rounds, median`,
  );
  const rows = contestants.map((c) => [
    c.label,
    si(m[c.key].rps),
    `${m[c.key].spread.toFixed(1)} %`,
    m[c.key].p50.toFixed(1),
    m[c.key].p99.toFixed(1),
    `${Buffer.byteLength(c.sample)} B`,
    (m.ours.rps / m[c.key].rps).toFixed(2),
  ]);
  console.log(table(['server', 'req/s', 'spread', 'p50 ms', 'p99 ms', 'body', 'ours ×'], rows));
  // Per round: ours against each peer measured next to it in time.
  const paired = (key) => median(runs.ours.map((x, r) => x.rps / runs[key][r].rps));
  const vsNodeHttp = paired('nodeHttp');
  const vsProxy = paired('proxy');
  console.log(
    `\nours ${vsNodeHttp.toFixed(2)}× node:http (goal ≥ 0.9), ${vsProxy.toFixed(2)}× @unleash/proxy (goal ≥ 4): ` +
      `medians of the rounds' ratios (${runs.ours.map((x, r) => (x.rps / runs.nodeHttp[r].rps).toFixed(2)).join(', ')} ` +
      `against node:http); ratio of the medians ${(m.ours.rps / m.nodeHttp.rps).toFixed(2)}× and ` +
      `${(m.ours.rps / m.proxy.rps).toFixed(2)}×`,
  );
  console.log(
    JSON.stringify({
      bench: 'resolve',
      nodeHttpRps: round(m.nodeHttp.rps, 0),
      oursRps: round(m.ours.rps, 0),
      proxyRps: round(m.proxy.rps, 0),
      vsNodeHttp: round(vsNodeHttp),
      vsProxy: round(vsProxy),
      vsNodeHttpOfMedians: round(m.ours.rps / m.nodeHttp.rps),
      vsProxyOfMedians: round(m.ours.rps / m.proxy.rps),
      roundRatiosVsNodeHttp: runs.ours.map((x, r) => round(x.rps / runs.nodeHttp[r].rps)),
      oursP50Ms: m.ours.p50,
      oursP99Ms: m.ours.p99,
      goals: { vsNodeHttp: 0.9, vsProxy: 4 },
    }),
  );
} finally {
  for (const s of Object.values(servers)) s.child.kill();
}
