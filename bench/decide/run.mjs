/**
 * bench:decide — gray decisions per second at 50 %: ours against the bare hash (the limit) and the peers.
 * One process, every contestant interleaved pass by pass (order rotated), median and spread of the passes.
 * Env: DECIDE_IDS (1000000), DECIDE_PASSES (7), DECIDE_CHINESE=0 to skip the run on Chinese ids.
 */
import net from 'node:net';
import { decide } from '../../packages/core/dist/index.js';
import { bareInGray } from './bare-hash.mjs';
import { APP, BASIS_POINTS, compiledApp, contestants, VERSION } from './contestants.mjs';
import { asciiIds, chineseIds } from './ids.mjs';
import { median, round, si, spreadPct, table } from './stats.mjs';

// Everything here is in process: any socket would be a peer phoning home, which must not happen.
net.Socket.prototype.connect = () => {
  throw new Error('bench:decide opened a network connection');
};

const N = Number(process.env.DECIDE_IDS ?? 1_000_000);
const PASSES = Math.max(5, Number(process.env.DECIDE_PASSES ?? 7));
const { unleash, list } = await contestants();

/** Ours and the naive hash must agree on every user, or the comparison is meaningless. */
function checkAgreement(ids) {
  for (const id of ids) {
    const ours = decide(compiledApp, id).channel === 'gray';
    if (ours !== bareInGray(APP, VERSION, id, BASIS_POINTS))
      throw new Error(`ours and bare disagree on ${id}`);
  }
}

function measure(ids) {
  const times = new Map(list.map((c) => [c.key, []]));
  const hits = new Map();
  for (const c of list) hits.set(c.key, c.run(ids)); // warm-up: optimise before timing
  for (let pass = 0; pass < PASSES; pass++) {
    for (let j = 0; j < list.length; j++) {
      const c = list[(j + pass) % list.length];
      const t0 = performance.now();
      const h = c.run(ids);
      times.get(c.key).push(performance.now() - t0);
      if (h !== hits.get(c.key)) throw new Error(`${c.key} changed its answers between passes`);
    }
  }
  const result = {};
  for (const c of list) {
    const rates = times.get(c.key).map((ms) => (ids.length / ms) * 1000);
    result[c.key] = {
      label: c.label,
      perSec: median(rates),
      spread: spreadPct(rates),
      hits: hits.get(c.key),
    };
  }
  return result;
}

function summarise(r) {
  const bareHash = Math.max(r.bare.perSec, r.barePkg.perSec);
  const gb = Math.max(r.growthbook.perSec, r.growthbookClient.perSec);
  return {
    oursPerSec: r.ours.perSec,
    bareHashPerSec: bareHash,
    unleashPerSec: r.unleash.perSec,
    growthbookPerSec: gb,
    vsBareHash: r.ours.perSec / bareHash,
    vsUnleash: r.ours.perSec / r.unleash.perSec,
    vsGrowthbook: r.ours.perSec / gb,
    spreadPct: Math.max(...Object.values(r).map((x) => x.spread)),
  };
}

function print(title, ids, r) {
  console.log(`\n${title}: ${si(ids.length)} ids, ${PASSES} passes, median (spread = (max-min)/median)`);
  const rows = Object.values(r).map((x) => [
    x.label,
    si(x.perSec),
    (1e9 / x.perSec).toFixed(1),
    `${x.spread.toFixed(1)} %`,
    `${((x.hits / ids.length) * 100).toFixed(2)} %`,
    (r.ours.perSec / x.perSec).toFixed(2),
  ]);
  console.log(table(['contestant', 'decisions/s', 'ns/decision', 'spread', 'in gray', 'ours ×'], rows));
}

const ascii = asciiIds(N);
checkAgreement(ascii.slice(0, 50_000));
const asciiResult = measure(ascii);
print('ASCII ids (u-…)', ascii, asciiResult);
const s = summarise(asciiResult);

let chinese;
if (process.env.DECIDE_CHINESE !== '0') {
  const ids = chineseIds(N);
  checkAgreement(ids.slice(0, 50_000));
  const r = measure(ids);
  print('Chinese ids (张三…)', ids, r);
  const c = summarise(r);
  chinese = {
    oursPerSec: round(c.oursPerSec, 0),
    bareHashPerSec: round(c.bareHashPerSec, 0),
    vsBareHash: round(c.vsBareHash),
  };
}
unleash.destroy();

console.log(
  `\nours vs bare hash ${s.vsBareHash.toFixed(2)}× (DESIGN §3/§8 aim: ≥ 2.5×), vs unleash-client ${s.vsUnleash.toFixed(1)}×, vs GrowthBook (faster of two) ${s.vsGrowthbook.toFixed(1)}×`,
);
console.log(
  JSON.stringify({
    bench: 'decide',
    oursPerSec: round(s.oursPerSec, 0),
    bareHashPerSec: round(s.bareHashPerSec, 0),
    unleashPerSec: round(s.unleashPerSec, 0),
    growthbookPerSec: round(s.growthbookPerSec, 0),
    vsBareHash: round(s.vsBareHash),
    vsUnleash: round(s.vsUnleash),
    vsGrowthbook: round(s.vsGrowthbook),
    goals: { vsBareHash: 0.6, vsPeers: 8 },
    spreadPct: round(s.spreadPct, 1),
    ...(chinese ? { chinese } : {}),
  }),
);
