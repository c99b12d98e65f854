/** A synthetic release state the size of a large platform: deterministic for an index, so any app can be rebuilt. */
import { createHash } from 'node:crypto';
import { prng } from '../decide/ids.mjs';

const CHARS =
  '青禾读书杭州地铁公交出行外卖便利医保社区健康图书音乐天气快递银行生活缴费充电停车租房家政宠物旅游酒店票务影院健身教育课堂驾考';
const SUFFIXES = ['', '', '', '助手', '服务', '商城', '小程序', '官方', 'Pro'];

/** Flat strings, as JSON.parse gives them (a rope built char by char would cost more than real input). */
const chinese = (rnd, n) =>
  String.fromCharCode(...Array.from({ length: n }, () => CHARS.charCodeAt(Math.floor(rnd() * CHARS.length))));

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/**
 * App `i`: `app-<i>`, a 2–5 character Chinese name, one of 5 000 brands, a live version; ~2 % in gray (a few
 * of them a first release), ~1 % with an experience version and insiders, ~0.5 % offline.
 */
export function synthApp(i) {
  const rnd = prng(i * 2654435761);
  const appId = `app-${i}`;
  const brandNo = Math.floor(rnd() * 5000);
  const brandRnd = prng(brandNo + 1);
  const brand = chinese(brandRnd, 2 + Math.floor(brandRnd() * 3));
  const live = `${1 + Math.floor(rnd() * 3)}.${Math.floor(rnd() * 12)}.${Math.floor(rnd() * 10)}`;
  const ref = (version) => ({
    version,
    sha256: sha256(`${appId}@${version}`),
    size: 200_000 + Math.floor(rnd() * 1_800_000),
  });
  const gray = rnd() < 0.02 ? { ...ref(`${live}-next`), basisPoints: 1 + Math.floor(rnd() * 10_000) } : null;
  const insiders = rnd() < 0.01;
  return {
    appId,
    name: chinese(rnd, 2 + Math.floor(rnd() * 4)) + SUFFIXES[Math.floor(rnd() * SUFFIXES.length)],
    brand,
    visibility: rnd() < 0.005 ? 'offline' : 'online',
    revision: 1 + Math.floor(rnd() * 40),
    live: gray && rnd() < 0.1 ? null : ref(live),
    gray,
    experience: insiders ? ref('9.9.9') : null,
    insiders: insiders ? ['张三', `dev-${i}`, `qa-${i % 97}`] : [],
  };
}

export function* synthApps(n) {
  for (let i = 0; i < n; i++) yield synthApp(i);
}

/** 100 apps spread over the id space (a prime stride), half of them in gray, so requests hash buckets too. */
export function hotAppIndices(n, count = 100) {
  const gray = [];
  const plain = [];
  for (let k = 0; gray.length + plain.length < count && k < n; k++) {
    const i = (k * 10_007) % n;
    const a = synthApp(i);
    if (a.visibility === 'offline' || a.live === null) continue;
    if (a.gray && gray.length < count / 2) gray.push(i);
    else if (!a.gray && plain.length < count / 2) plain.push(i);
  }
  return [...gray, ...plain];
}
