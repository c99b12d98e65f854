import { useQuery } from '@tanstack/react-query';
import { Timeline as AntTimeline, Card } from 'antd';
import { useClient } from '../../api/session.js';
import { useI18n } from '../../i18n/i18n.js';

/** Every version and transition, from the audit log (newest first). */
export function Timeline({ appId }: { appId: string }) {
  const { t } = useI18n();
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
          content: `${new Date(r.at).toLocaleString()} · ${r.actor} · ${r.action}${r.version ? ` ${r.version}` : ''}${
            r.from || r.to ? ` (${r.from ?? ''} → ${r.to ?? ''})` : ''
          }`,
        }))}
      />
    </Card>
  );
}
