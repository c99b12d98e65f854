import type { HealthCounts, HealthPoint, HealthSignal } from '@minirelease/sdk';
import { useEffect, useRef } from 'react';
import { fill, HEALTH_TEXT, SIGNAL_LABELS } from '../../i18n/health-labels.js';
import { useI18n } from '../../i18n/i18n.js';

const FIELD: Record<HealthSignal, keyof Omit<HealthCounts, 'launches'>> = {
  errorRate: 'errors',
  crashRate: 'crashes',
  feedbackRate: 'feedback',
};

/** Percent per launch, or null for a bucket without launches: a gap in the line, not a rate of zero. */
function rates(points: readonly HealthPoint[], side: 'gray' | 'stable', signal: HealthSignal) {
  return points.map((p): [string, number | null] => {
    const c = p[side];
    return [p.minute, c.launches === 0 ? null : Number(((c[FIELD[signal]] / c.launches) * 100).toFixed(4))];
  });
}

/**
 * One signal's rate per launch, gray against stable over the series (ECharts, loaded on first draw). The canvas
 * is an image to assistive technology: its label says what it shows, and the table beside it has the numbers.
 */
export function HealthChart({
  points,
  bucketMinutes,
  signal,
}: {
  points: readonly HealthPoint[];
  bucketMinutes: number;
  signal: HealthSignal;
}) {
  const { pick } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const title = fill(pick(HEALTH_TEXT.chartTitle), { signal: pick(SIGNAL_LABELS[signal]) });
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    const resize = () => chart?.resize();
    void import('./echarts-setup.js').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
      chart = c;
      c.setOption({
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v} %`) },
        legend: { top: 0, textStyle: { color: '#262626' } },
        grid: { left: 48, right: 16, top: 32, bottom: 28 },
        // The series' own span: left to itself, a time axis around a few minutes stretches over days.
        xAxis: {
          type: 'time',
          min: points[0] ? Date.parse(points[0].minute) : undefined,
          max: points.at(-1) ? Date.parse(points.at(-1)!.minute) + bucketMinutes * 60_000 : undefined,
          minInterval: bucketMinutes * 60_000,
          axisLabel: { color: '#595959', hideOverlap: true },
        },
        yAxis: { type: 'value', axisLabel: { color: '#595959', formatter: '{value} %' } },
        series: [
          {
            name: pick(HEALTH_TEXT.gray),
            type: 'line',
            data: rates(points, 'gray', signal),
            color: '#b45309',
            connectNulls: false,
            showSymbol: points.length < 40,
          },
          {
            name: pick(HEALTH_TEXT.stable),
            type: 'line',
            data: rates(points, 'stable', signal),
            color: '#0a4fb3',
            connectNulls: false,
            showSymbol: points.length < 40,
            lineStyle: { type: 'dashed' },
          },
        ],
      });
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [points, bucketMinutes, signal, pick]);
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 500 }}>{title}</figcaption>
      <div
        ref={ref}
        role="img"
        aria-label={title}
        data-testid={`health-chart-${signal}`}
        style={{ width: '100%', height: 200 }}
      />
    </figure>
  );
}
