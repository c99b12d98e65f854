// bench/console — the console's first page (issue 13, DESIGN §9): `minirelease start` on a temp dir with APPS
// apps created through the API, then Debian's Chromium (playwright-core) signed in opens /apps in a fresh
// context each pass (a cold cache, as a newcomer's first visit). Measured per pass: (a) the gzipped bytes of
// every JS file the page loaded (each body gzipped here, level 9, as a static server would send it), (b) the
// time from navigation start to the apps list showing its rows (the page's own clock, performance.now()).
// Uses the built packages and the built console: run as `npm run bench:console` (which builds first).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { freePort, minirelease, runWithCleanup, stopAll, waitFor } from '../propagation/processes.mjs';
import { apiClient } from '../propagation/setup.mjs';

const APPS = 200;
const PASSES = Number(process.env.BENCH_CONSOLE_PASSES ?? 7);
const GOAL_KB_GZ = 350;
const GOAL_MS = 1000;
const CHROMIUM = '/usr/bin/chromium';

let tmp;
let browser;

async function main() {
  tmp = await mkdtemp(join(tmpdir(), 'minirelease-bench-console-'));
  const port = await freePort();
  const api = minirelease('start', [
    ...['start', '--port', String(port), '--data-dir', join(tmp, 'data'), '--log-level', 'warn'],
  ]);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/readyz`, api);
  const token = (await readFile(join(tmp, 'data', 'admin-token'), 'utf8')).trim();
  const call = apiClient(base, token);
  for (let i = 0; i < APPS; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, APPS - i) }, (_, k) => {
        const n = String(i + k + 1).padStart(3, '0');
        return call('POST', '/v1/apps', {
          appId: `bench-app-${n}`,
          name: `青禾读书${n}`,
          brand: '青禾',
          category: '图书',
        });
      }),
    );
  }
  const listed = await call('GET', '/v1/apps?limit=200');
  if (listed.items.length !== APPS) throw new Error(`expected ${APPS} apps, listed ${listed.items.length}`);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      ...['--disable-component-update', '--disable-sync'],
    ],
  });
  const passes = [];
  // One pass not counted: the server's first answers (file reads, query plans) are not the console's cost.
  for (let i = 0; i <= PASSES; i++) {
    const pass = await measure(base, token);
    if (i > 0) passes.push(pass);
  }
  report(passes);
}

async function measure(base, token) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Signed in as the console keeps it: the token in sessionStorage for the tab (packages/console/src/api/session.tsx).
  await context.addInitScript(`sessionStorage.setItem('minirelease.token', ${JSON.stringify(token)})`);
  const page = await context.newPage();
  const scripts = new Map();
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script') return;
    const body = await r.body().catch(() => null);
    if (body) scripts.set(r.url(), { raw: body.length, gz: gzipSync(body, { level: 9 }).length });
  });
  await page.goto(`${base}/apps`);
  // The first row of the list, and the page's clock at that frame (ms since navigation start).
  const shownMs = await (
    await page.waitForFunction(
      // A function, not a string: the console's CSP (script-src 'self') forbids eval.
      () =>
        document.querySelectorAll('[data-testid="apps-table"] tbody tr[data-row-key]').length > 0 &&
        performance.now(),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    )
  ).jsonValue();
  // Where the time went: when the list's API call was sent and answered, on the same clock.
  const apiCall = await page.evaluate(() => {
    const e = performance.getEntriesByType('resource').find((r) => r.name.includes('/v1/apps?'));
    return e ? { sent: e.startTime, answered: e.responseEnd } : { sent: Number.NaN, answered: Number.NaN };
  });
  const rows = await page.locator('[data-testid="apps-table"] tbody tr[data-row-key]').count();
  await page.waitForLoadState('networkidle');
  await context.close();
  if (process.env.BENCH_CONSOLE_FILES)
    for (const [u, f] of scripts) console.log(`  ${u.split('/').pop()} ${kb(f.gz)} KB gz`);
  const files = [...scripts.values()];
  return {
    shownMs,
    apiSentMs: apiCall.sent,
    apiAnsweredMs: apiCall.answered,
    rows,
    files: files.length,
    rawBytes: files.reduce((s, f) => s + f.raw, 0),
    gzBytes: files.reduce((s, f) => s + f.gz, 0),
  };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

function report(passes) {
  const times = passes.map((p) => p.shownMs);
  const gz = passes.map((p) => p.gzBytes);
  const first = passes[0];
  console.log(
    `console: ${APPS} apps, ${PASSES} passes, each a fresh Chromium context (cold cache), 1280×900`,
  );
  console.log(
    `${'pass'.padEnd(6)}${'JS files'.padStart(10)}${'JS raw KB'.padStart(12)}${'JS gz KB'.padStart(11)}${'rows'.padStart(7)}${'API sent'.padStart(11)}${'answered'.padStart(11)}${'list shown'.padStart(13)}`,
  );
  for (const [i, p] of passes.entries()) {
    console.log(
      `${String(i + 1).padEnd(6)}${String(p.files).padStart(10)}${String(kb(p.rawBytes)).padStart(12)}${String(kb(p.gzBytes)).padStart(11)}${String(p.rows).padStart(7)}${`${Math.round(p.apiSentMs)} ms`.padStart(11)}${`${Math.round(p.apiAnsweredMs)} ms`.padStart(11)}${`${Math.round(p.shownMs)} ms`.padStart(13)}`,
    );
  }
  const medianMs = median(times);
  const medianGz = median(gz);
  console.log(
    `median: ${kb(medianGz)} KB gz of JS (goal ≤ ${GOAL_KB_GZ}), list shown after ${Math.round(medianMs)} ms (goal ≤ ${GOAL_MS}); spread ${Math.round(Math.min(...times))}–${Math.round(Math.max(...times))} ms`,
  );
  console.log(
    JSON.stringify({
      bench: 'console',
      apps: APPS,
      passes: PASSES,
      jsFiles: first.files,
      jsRawBytes: first.rawBytes,
      jsGzBytes: medianGz,
      jsGzKB: kb(medianGz),
      goalKBGz: GOAL_KB_GZ,
      sizeRatioToGoal: Math.round((medianGz / 1024 / GOAL_KB_GZ) * 1000) / 1000,
      rowsShown: first.rows,
      apiSentMedianMs: Math.round(median(passes.map((p) => p.apiSentMs))),
      shownMedianMs: Math.round(medianMs),
      shownMinMs: Math.round(Math.min(...times)),
      shownMaxMs: Math.round(Math.max(...times)),
      goalMs: GOAL_MS,
      timeRatioToGoal: Math.round((medianMs / GOAL_MS) * 1000) / 1000,
      ok: medianGz / 1024 <= GOAL_KB_GZ && medianMs <= GOAL_MS,
    }),
  );
}

async function cleanup() {
  await browser?.close();
  await stopAll();
  if (tmp) await rm(tmp, { recursive: true, force: true });
}

await runWithCleanup(main, cleanup);
