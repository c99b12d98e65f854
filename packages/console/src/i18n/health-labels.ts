import type { GrayPlanState, HealthSignal, HealthVerdict } from '@minirelease/sdk';

type Text = { zh: string; en: string };

/**
 * The labels of a version's health and gray plan (docs/gray-health.md, "What the console and `health` show"), in
 * both languages, beside the words of docs/glossary.md: gray, widen, publish, halt, signal.
 */
export const VERDICT_LABELS: Record<HealthVerdict, Text & { alert: 'success' | 'error' | 'info' }> = {
  healthy: { zh: '健康', en: 'Healthy', alert: 'success' },
  degraded: { zh: '变差', en: 'Degraded', alert: 'error' },
  insufficient_data: { zh: '数据不足', en: 'Insufficient data', alert: 'info' },
};

export const SIGNAL_LABELS: Record<HealthSignal, Text> = {
  errorRate: { zh: '错误率', en: 'Error rate' },
  crashRate: { zh: '崩溃率', en: 'Crash rate' },
  feedbackRate: { zh: '反馈率', en: 'Feedback rate' },
};

export const PLAN_STATE_LABELS: Record<GrayPlanState, Text & { color: string }> = {
  active: { zh: '进行中', en: 'Active', color: '#0a4fb3' },
  paused: { zh: '已暂停', en: 'Paused', color: 'default' },
  halted: { zh: '已停止（健康度变差）', en: 'Halted (degraded)', color: '#b71c1c' },
  completed: { zh: '已完成', en: 'Completed', color: '#237804' },
  ended: { zh: '已结束', en: 'Ended', color: 'default' },
};

export const HEALTH_TEXT = {
  health: { zh: '灰度健康度', en: 'Gray health' },
  chartTitle: { zh: '{signal}：灰度与稳定（每次启动）', en: '{signal}: gray against stable, per launch' },
  chartEmpty: { zh: '窗口内还没有上报的事件', en: 'No events reported in the window yet' },
  gray: { zh: '灰度', en: 'Gray' },
  stable: { zh: '稳定', en: 'Stable' },
  signal: { zh: '指标', en: 'Signal' },
  launches: { zh: '启动', en: 'Launches' },
  events: { zh: '事件', en: 'Events' },
  rate: { zh: '比率', en: 'Rate' },
  ratio: { zh: '倍数', en: 'Ratio' },
  interval: { zh: '区间', en: 'Interval' },
  eValue: { zh: 'e 值 / 阈值', en: 'E-value / threshold' },
  floors: { zh: '下限（倍数 / 差值）', en: 'Floors (ratio / difference)' },
  verdict: { zh: '结论', en: 'Verdict' },
  launchesNeeded: { zh: '还需灰度启动', en: 'Gray launches still needed' },
  grayShare: { zh: '灰度占启动（实际 / 应为）', en: 'Gray share of launches (observed / expected)' },
  distinctUsers: { zh: '独立用户（灰度 / 稳定）', en: 'Distinct users (gray / stable)' },
  updatedAt: { zh: '更新于', en: 'Updated' },
  mismatch: { zh: '样本比例失衡', en: 'Sample-ratio mismatch' },
  mismatchText: {
    zh: '灰度占启动 {o}，应为 {e}：宿主上报的渠道或版本可能有误。一致之前不会判定健康。',
    en: 'Gray is {o} of launches, {e} expected: the host may report the wrong channel or version. Not judged healthy until it matches.',
  },
  plan: { zh: '灰度计划', en: 'Gray plan' },
  noPlan: {
    zh: '没有灰度计划：灰度比例由人手动调整。',
    en: 'No gray plan: the gray share is moved by hand.',
  },
  planState: { zh: '状态', en: 'State' },
  step: { zh: '第 {n} 步', en: 'Step {n}' },
  soak: {
    zh: '每步观察 {n} 分钟，至少 {l} 次灰度启动',
    en: 'Soak {n} min per step, at least {l} gray launches',
  },
  nextWiden: { zh: '最早扩大于', en: 'Widens no earlier than' },
  lastStep: { zh: '已在最后一步', en: 'At the last step' },
  publishAtEnd: { zh: '最后一步之后自动上架', en: 'Publishes after the last step' },
  lastDecision: { zh: '最近决定', en: 'Last decision' },
  pause: { zh: '暂停计划', en: 'Pause plan' },
  resume: { zh: '恢复计划', en: 'Resume plan' },
  confirmPause: {
    zh: '计划暂停后不再扩大或停止灰度；{v} 保持当前比例 {p}，直到恢复。',
    en: 'The plan stops widening and halting; {v} keeps its share of {p} until the plan is resumed.',
  },
  confirmResume: {
    zh: '计划恢复后继续按健康度扩大 {v} 的灰度，变差时停止。',
    en: 'The plan widens the gray of {v} again while it is healthy, and halts it when degraded.',
  },
  confirmResumeHalted: {
    zh: '{v} 的健康度从现在重新检验（之前的数据会立即再次停止它），健康时继续扩大。',
    en: 'The health test of {v} starts afresh from now (the minutes that halted it would halt it again), and the plan widens while healthy.',
  },
  materials: { zh: '审核材料', en: 'Materials' },
  screenshotsCount: { zh: '{n} 张截图', en: '{n} screenshots' },
  halted: { zh: '灰度已停止', en: 'Gray halted' },
  paused: { zh: '计划已暂停', en: 'Plan paused' },
} satisfies Record<string, Text>;

/** A label with `{name}` placeholders filled, in the language picked. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
