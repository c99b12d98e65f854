import { explainHealth } from '@minirelease/core';
import type { Health, HealthSignal, SignalHealth } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { fill, HEALTH_TEXT, SIGNAL_LABELS, VERDICT_LABELS } from '../../i18n/health-labels.js';
import { useI18n } from '../../i18n/i18n.js';
import { HealthChart } from './HealthChart.js';

const SIGNALS: readonly HealthSignal[] = ['errorRate', 'crashRate', 'feedbackRate'];

/** As often as the ticker looks by default (docs/gray-health.md, "The ticker"): a halt shows within a tick. */
export const HEALTH_REFRESH_MS = 15_000;

const pct = (rate: number) => `${(rate * 100).toFixed(2)} %`;
const share = (s: number) => `${(s * 100).toFixed(1)} %`;
const num = (n: number) => n.toLocaleString('en-US');
const e = (v: number) => (v >= 1000 ? v.toExponential(1) : v >= 10 ? v.toFixed(0) : v.toFixed(2));

export function VerdictTag({ verdict }: { verdict: Health['verdict'] }) {
  const { pick } = useI18n();
  const label = VERDICT_LABELS[verdict];
  const style =
    verdict === 'degraded'
      ? { backgroundColor: '#b71c1c', borderColor: '#b71c1c', color: '#fff' }
      : verdict === 'healthy'
        ? { backgroundColor: '#237804', borderColor: '#237804', color: '#fff' }
        : {};
  return (
    <Tag data-verdict={verdict} style={style}>
      {pick(label)}
    </Tag>
  );
}

/** The version's health against stable: the verdict and its numbers, a chart per signal, refreshed. */
export function HealthSection({ appId, version }: { appId: string; version: string }) {
  const { pick, date, lang } = useI18n();
  const client = useClient();
  const health = useQuery({
    queryKey: ['health', appId, version],
    queryFn: () => client.health(appId, version),
    refetchInterval: HEALTH_REFRESH_MS,
  });
  const h = health.data;
  const label = (key: keyof typeof HEALTH_TEXT) => pick(HEALTH_TEXT[key]);
  return (
    <Card
      title={
        <span>
          {label('health')} {h && <VerdictTag verdict={h.verdict} />}
        </span>
      }
      size="small"
      data-testid="health-section"
    >
      <ErrorNotice error={health.error} />
      {h && (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Alert
            type={VERDICT_LABELS[h.verdict].alert}
            showIcon
            title={pick(VERDICT_LABELS[h.verdict])}
            description={explainHealth(h, lang)}
            data-testid="health-verdict"
          />
          {h.sampleRatioMismatch && (
            <Alert
              type="warning"
              showIcon
              title={label('mismatch')}
              description={fill(label('mismatchText'), {
                o: share(h.grayShareObserved),
                e: share(h.grayShareExpected),
              })}
              data-testid="health-mismatch"
            />
          )}
          <Table<SignalHealth & { key: HealthSignal }>
            size="small"
            pagination={false}
            // Scrolls sideways on a phone rather than wrapping each number over four lines.
            scroll={{ x: 760 }}
            data-testid="health-table"
            dataSource={SIGNALS.map((s) => ({ ...h.signals[s], key: s }))}
            columns={[
              { title: label('signal'), key: 'signal', render: (_, r) => pick(SIGNAL_LABELS[r.key]) },
              {
                title: label('gray'),
                key: 'gray',
                render: (_, r) => `${num(r.gray.events)} / ${num(r.gray.launches)} · ${pct(r.gray.rate)}`,
              },
              {
                title: label('stable'),
                key: 'stable',
                render: (_, r) =>
                  `${num(r.stable.events)} / ${num(r.stable.launches)} · ${pct(r.stable.rate)}`,
              },
              {
                title: label('ratio'),
                key: 'ratio',
                render: (_, r) => (r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`),
              },
              {
                title: label('interval'),
                key: 'interval',
                render: (_, r) =>
                  `[${r.ratioInterval[0].toFixed(2)}, ${r.ratioInterval[1] === null ? '∞' : r.ratioInterval[1].toFixed(2)}]`,
              },
              { title: label('eValue'), key: 'e', render: (_, r) => `${e(r.eValue)} / ${e(r.eThreshold)}` },
              {
                title: label('floors'),
                key: 'floors',
                render: (_, r) => `${r.floorRelative}× / ${pct(r.floorAbsolute)}`,
              },
              {
                title: label('verdict'),
                key: 'verdict',
                render: (_, r) => <VerdictTag verdict={r.verdict} />,
              },
            ]}
          />
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} data-testid="health-facts">
            <Descriptions.Item label={label('grayShare')}>
              {share(h.grayShareObserved)} / {share(h.grayShareExpected)}
            </Descriptions.Item>
            {h.launchesNeeded !== undefined && (
              <Descriptions.Item label={label('launchesNeeded')}>{num(h.launchesNeeded)}</Descriptions.Item>
            )}
            {h.distinctUsers && (
              <Descriptions.Item label={label('distinctUsers')}>
                {num(h.distinctUsers.gray)} / {num(h.distinctUsers.stable)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={label('updatedAt')}>{date(h.updatedAt)}</Descriptions.Item>
          </Descriptions>
          {(h.series?.points.length ?? 0) === 0 ? (
            <p>{label('chartEmpty')}</p>
          ) : (
            <Row gutter={[16, 16]}>
              {SIGNALS.map((s) => (
                <Col key={s} xs={24} lg={8}>
                  <HealthChart
                    points={h.series?.points ?? []}
                    bucketMinutes={h.series?.bucketMinutes ?? 1}
                    signal={s}
                  />
                </Col>
              ))}
            </Row>
          )}
        </div>
      )}
    </Card>
  );
}
