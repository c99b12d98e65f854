import { explainHealth } from '@minirelease/core';
import type { Health, HealthCounts, HealthSignal, HealthVerdict, SignalHealth } from '@minirelease/sdk';
import type { Colors, Lang } from './output.js';
import { mergePoints, sparkline } from './sparkline.js';
import { displayWidth, table } from './table.js';

/** A sparkline this wide fits an 80-column terminal beside its labels. */
const SPARK_COLUMNS = 32;

const SIGNALS: readonly HealthSignal[] = ['errorRate', 'crashRate', 'feedbackRate'];
const FIELD: Record<HealthSignal, keyof Omit<HealthCounts, 'launches'>> = {
  errorRate: 'errors',
  crashRate: 'crashes',
  feedbackRate: 'feedback',
};

const TEXT = {
  en: {
    errorRate: 'errors',
    crashRate: 'crashes',
    feedbackRate: 'feedback',
    healthy: 'healthy',
    degraded: 'DEGRADED',
    insufficient_data: 'insufficient data',
    header: ['signal', 'gray', 'rate', 'stable', 'rate', 'ratio', 'interval', 'e-value', 'verdict'],
    health: 'health',
    share: (o: string, e: string) => `gray share of launches ${o}, expected ${e}`,
    users: (g: number, s: number) => `distinct users: gray ≈ ${g}, stable ≈ ${s}`,
    needed: (n: string) => `about ${n} more gray launches needed before it can be judged healthy`,
    mismatch: (o: string, e: string) =>
      `warning: sample-ratio mismatch: gray is ${o} of launches, ${e} expected; check the channel and version the host reports (not judged healthy until it matches)`,
    over: (b: number, from: string) =>
      `rate per launch, gray then stable on one scale, ${b}-minute buckets from ${from} UTC`,
    noSeries: 'no events in the window yet',
  },
  zh: {
    errorRate: '错误',
    crashRate: '崩溃',
    feedbackRate: '反馈',
    healthy: '健康',
    degraded: '变差',
    insufficient_data: '数据不足',
    header: ['指标', '灰度', '比率', '稳定', '比率', '倍数', '区间', 'e 值', '结论'],
    health: '健康度',
    share: (o: string, e: string) => `灰度占启动 ${o}，应为 ${e}`,
    users: (g: number, s: number) => `独立用户：灰度约 ${g}，稳定约 ${s}`,
    needed: (n: string) => `还需约 ${n} 次灰度启动才能判定健康`,
    mismatch: (o: string, e: string) =>
      `警告：样本比例失衡：灰度占启动 ${o}，应为 ${e}；请检查宿主上报的渠道和版本（一致之前不会判定健康）`,
    over: (b: number, from: string) => `每次启动的灰度与稳定比率，${b} 分钟一格，自 ${from} UTC 起`,
    noSeries: '窗口内还没有事件',
  },
} as const;

const count = (n: number) => n.toLocaleString('en-US');
const pct = (rate: number) => `${(rate * 100).toFixed(2)} %`;
const share = (s: number) => `${(s * 100).toFixed(1)} %`;
const times = (r: number | null) => (r === null ? '—' : `${r.toFixed(2)}×`);

function eValue(e: number): string {
  if (e >= 1000) return e.toExponential(1);
  return e >= 10 ? e.toFixed(0) : e.toFixed(2);
}

function verdict(v: HealthVerdict, lang: Lang, c: Colors): string {
  const text = TEXT[lang][v];
  return v === 'healthy' ? c.green(text) : v === 'degraded' ? c.red(c.bold(text)) : c.yellow(text);
}

function row(signal: HealthSignal, h: SignalHealth, lang: Lang, c: Colors): string[] {
  const [lo, hi] = h.ratioInterval;
  const e = `${eValue(h.eValue)} / ${eValue(h.eThreshold)}`;
  return [
    TEXT[lang][signal],
    `${count(h.gray.events)} / ${count(h.gray.launches)}`,
    pct(h.gray.rate),
    `${count(h.stable.events)} / ${count(h.stable.launches)}`,
    pct(h.stable.rate),
    times(h.ratio),
    `[${lo.toFixed(2)}, ${hi === null ? '∞' : hi.toFixed(2)}]`,
    h.eValue >= h.eThreshold ? c.red(e) : e,
    verdict(h.verdict, lang, c),
  ];
}

/** Per signal, gray's rate and stable's over the series, on one scale: the taller line is the worse side. */
function sparkLines(health: Health, lang: Lang, c: Colors): string[] {
  const points = health.series?.points ?? [];
  if (points.length === 0) return [c.dim(TEXT[lang].noSeries)];
  const merged = mergePoints(points, SPARK_COLUMNS);
  const minutes = (health.series?.bucketMinutes ?? 1) * Math.ceil(points.length / merged.length);
  const lines = [c.dim(TEXT[lang].over(minutes, points[0]!.minute.slice(0, 16).replace('T', ' ')))];
  const width = Math.max(...SIGNALS.map((s) => displayWidth(TEXT[lang][s])));
  for (const signal of SIGNALS) {
    const rate = (side: HealthCounts) => (side.launches === 0 ? null : side[FIELD[signal]] / side.launches);
    const gray = merged.map((p) => rate(p.gray));
    const stable = merged.map((p) => rate(p.stable));
    const max = Math.max(0, ...gray.map((r) => r ?? 0), ...stable.map((r) => r ?? 0));
    const label = TEXT[lang][signal];
    const pad = ' '.repeat(width - displayWidth(label));
    lines.push(`${label}${pad}  ${c.yellow(sparkline(gray, max))}  ${c.dim(sparkline(stable, max))}`);
  }
  return lines;
}

/** `health` for people: the verdict and why, a table per signal, the sparklines, and what to watch out for. */
export function healthLines(appId: string, version: string, health: Health, lang: Lang, c: Colors): string[] {
  const t = TEXT[lang];
  const lines = [
    `${c.bold(appId)} ${version}  ${t.health}: ${verdict(health.verdict, lang, c)}`,
    `  ${explainHealth(health, lang)}`,
  ];
  if (health.sampleRatioMismatch) {
    lines.push(c.red(t.mismatch(share(health.grayShareObserved), share(health.grayShareExpected))));
  }
  lines.push(
    '',
    ...table(
      [...t.header],
      SIGNALS.map((s) => row(s, health.signals[s], lang, c)),
    ),
    '',
  );
  lines.push(...sparkLines(health, lang, c), '');
  lines.push(t.share(share(health.grayShareObserved), share(health.grayShareExpected)));
  if (health.distinctUsers) lines.push(t.users(health.distinctUsers.gray, health.distinctUsers.stable));
  if (health.launchesNeeded !== undefined) lines.push(c.yellow(t.needed(count(health.launchesNeeded))));
  return lines;
}
