import type { AuditRecord } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Timeline as AntTimeline, Card, Typography } from 'antd';
import { useClient } from '../../api/session.js';
import { ACTION_LABELS, moveText } from '../../i18n/domain-labels.js';
import { useI18n } from '../../i18n/i18n.js';

/** The share a gray record started or widened to (the audit details carry it as a percentage). */
export function grayShare(r: Pick<AuditRecord, 'action' | 'details'>): number | null {
  const p = r.details?.percentage;
  return r.action === 'gray' && typeof p === 'number' ? p : null;
}

/** Every version and transition, from the audit log (newest first). */
export function Timeline({ appId }: { appId: string }) {
  const { t, pick, date } = useI18n();
  const client = useClient();
  const audit = useQuery({
    queryKey: ['audit', appId, 'timeline'],
    queryFn: () => client.auditLog(appId, { limit: 100 }),
  });
  return (
    <Card title={t('timeline')} size="small">
      <AntTimeline
        items={(audit.data?.items ?? []).map((r) => ({
          key: r.id,
          content: (
            <div data-action={r.action}>
              <Typography.Text strong>
                {pick(ACTION_LABELS[r.action])}
                {r.version ? ` ${r.version}` : ''}
                {grayShare(r) === null ? '' : ` ${t('p', { n: grayShare(r)! })}`}
              </Typography.Text>
              {moveText(r, pick) && (
                <Typography.Text type="secondary"> · {moveText(r, pick)}</Typography.Text>
              )}
              <div>
                <Typography.Text type="secondary">
                  {date(r.at)} · {r.actor}
                </Typography.Text>
              </div>
            </div>
          ),
        }))}
      />
    </Card>
  );
}
