import type { Version } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space } from 'antd';
import { useRefreshApp } from '../../api/app-queries.js';
import { reasonLabels, useReviewReasons } from '../../api/review-reasons.js';
import { useClient } from '../../api/session.js';
import { ConfirmButton, useConfirmedAction } from '../../components/Confirm.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Findings } from '../../components/Findings.js';
import { StatusTag } from '../../components/StatusTag.js';
import { DECISION_LABELS } from '../../i18n/domain-labels.js';
import { useI18n } from '../../i18n/i18n.js';
import { SubmitForm } from './SubmitForm.js';

/** One version: its report, and the steps its status allows (submit, cancel review, experience). */
export function VersionPanel({ appId, version }: { appId: string; version: Version }) {
  const { t, pick } = useI18n();
  const client = useClient();
  const { error, run } = useConfirmedAction(useRefreshApp(appId));
  const report = useQuery({
    queryKey: ['report', appId, version.version],
    queryFn: () => client.report(appId, version.version),
  });
  // Read only when there is a rejection to explain.
  const reasons = useReviewReasons((version.review?.reasons.length ?? 0) > 0);
  const v = version.version;
  const back = version.status === 'AUDITING' ? t('cancelReview') : t('backToDev');
  return (
    <Card
      title={
        <span>
          {t('version')} {v} <StatusTag status={version.status} />
        </span>
      }
      size="small"
      data-testid="version-panel"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {version.review && (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('review')}>
              <div>{pick(DECISION_LABELS[version.review.decision])}</div>
              {version.review.reasons.length > 0 && (
                <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="review-reasons">
                  {reasonLabels(version.review.reasons, reasons.data?.reasons, pick).map((label, i) => (
                    <li key={version.review?.reasons[i]}>{label}</li>
                  ))}
                </ul>
              )}
              {version.review.comment && <div>{version.review.comment}</div>}
            </Descriptions.Item>
          </Descriptions>
        )}
        <section aria-label={t('report')}>
          <h2 style={{ fontSize: 18 }}>{t('report')}</h2>
          {report.data && (!report.data.ok || report.data.findings.length > 0) && (
            <Alert
              type={report.data.ok ? 'success' : 'error'}
              showIcon
              title={report.data.ok ? t('reportOk') : t('reportBlocked')}
              style={{ marginBottom: 8 }}
            />
          )}
          {report.data && <Findings findings={report.data.findings} />}
          <ErrorNotice error={report.error} />
        </section>
        <Space wrap>
          {version.status === 'INIT' && (
            <ConfirmButton
              label={t('experience')}
              what={t('confirmExperience', { v })}
              onConfirm={run(() => client.setExperienceVersion(appId, v))}
            />
          )}
          {['AUDITING', 'AUDIT_REJECT', 'WAIT_RELEASE'].includes(version.status) && (
            <ConfirmButton
              label={back}
              what={t('confirmCancelReview', { v })}
              onConfirm={run(() => client.cancelReview(appId, v))}
            />
          )}
        </Space>
        {version.status === 'INIT' && (
          <SubmitForm appId={appId} version={v} usesLogin={report.data?.stats.usesLogin ?? false} />
        )}
        <ErrorNotice error={error} />
      </Space>
    </Card>
  );
}
