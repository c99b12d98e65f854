import type { Health, HealthSignal } from '../wire/health.js';

/** The reader's language for the sentence; the catalog and the CLI use the same two. */
export type ExplanationLang = 'zh' | 'en';

const SIGNAL_ZH: Record<HealthSignal, string> = {
  errorRate: '错误率',
  crashRate: '崩溃率',
  feedbackRate: '反馈率',
};

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const num = (x: number) => (x >= 1000 ? x.toExponential(2) : x.toFixed(2));

/**
 * Why a health answer has its verdict, in the reader's language (docs/gray-health.md).
 *
 * The server's `explanation` is English: it goes into logs, audit records and the API, where one language is
 * read by every tool. People read the verdict in the console's or the CLI's language, so the Chinese sentence is
 * built here from the answer's own numbers — the same facts, never a second judgement.
 */
export function explainHealth(health: Health, lang: ExplanationLang): string {
  if (lang === 'en') return health.explanation;
  const signals = Object.entries(health.signals) as [HealthSignal, Health['signals'][HealthSignal]][];
  if (health.verdict === 'degraded') {
    const parts = signals
      .filter(([, s]) => s.verdict === 'degraded')
      .map(
        ([n, s]) =>
          `${SIGNAL_ZH[n]}灰度 ${pct(s.gray.rate)}，稳定 ${pct(s.stable.rate)}（倍数 ${num(s.ratio ?? 0)}，e 值 ${num(s.eValue)} ≥ ${num(s.eThreshold)}）`,
      );
    return `变差：${parts.join('；')}`;
  }
  if (health.verdict === 'healthy') {
    const launches = health.signals.errorRate.gray.launches;
    return `健康：${launches} 次灰度启动后，各项指标均已确认不高于稳定版的允许倍数`;
  }
  if (health.sampleRatioMismatch) {
    return `样本比例失衡：灰度占启动 ${pct(health.grayShareObserved)}，应为 ${pct(health.grayShareExpected)}；请检查宿主接入（渠道和版本取自 resolve 的回答）`;
  }
  const open = signals.filter(([, s]) => s.verdict !== 'healthy').map(([n]) => SIGNAL_ZH[n]);
  const why = open.length > 0 ? `${open.join('、')}尚无定论` : '灰度启动次数未达到计划要求';
  const more =
    health.launchesNeeded === undefined
      ? '；按目前的比率无法估计还需多少启动'
      : `；约还需 ${health.launchesNeeded} 次灰度启动`;
  return `数据不足：${why}${more}`;
}
