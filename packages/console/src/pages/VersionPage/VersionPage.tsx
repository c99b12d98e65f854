import type { App, Version } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useAppData } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { StatusTag } from '../../components/StatusTag.js';
import { fill, HEALTH_TEXT } from '../../i18n/health-labels.js';
import { useI18n } from '../../i18n/i18n.js';
import { VersionPanel } from '../AppPage/VersionPanel.js';
import { GrayPlanSection } from './GrayPlanSection.js';
import { HealthSection } from './HealthSection.js';

/** Versions whose health means something: in gray, or approved and perhaps under a plan about to gray it. */
const WATCHED: readonly Version['status'][] = ['WAIT_RELEASE', 'GRAY', 'RELEASE'];

/** Gray, publish and the plan's pause/resume need the app's owner, or an admin (DESIGN §5). */
function isOwner(app: App | undefined, principal: string | undefined, roles: readonly string[]) {
  if (roles.includes('admin')) return true;
  return app?.members.some((m) => m.principal === principal && m.role === 'owner') ?? false;
}

/** One version (DESIGN §9): its report, materials and review result, its health and its gray plan. */
export default function VersionPage() {
  const { t, pick } = useI18n();
  const client = useClient();
  const params = useParams();
  const appId = params.app!;
  const v = params.v!;
  const { app, versions } = useAppData(appId);
  const me = useQuery({ queryKey: ['whoami'], queryFn: () => client.whoami() });
  const version = versions.data?.find((x) => x.version === v);
  const base = `/apps/${encodeURIComponent(appId)}`;
  if (app.error) return <ErrorNotice error={app.error} />;
  const materials = version?.materials;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/apps">{t('apps')}</Link> },
          { title: <Link to={base}>{app.data?.name ?? appId}</Link> },
          { title: v },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {app.data?.name ?? appId} {v} {version && <StatusTag status={version.status} />}
      </Typography.Title>
      {versions.isLoading && <Spin />}
      {versions.data && !version && <p>{t('notFound')}</p>}
      {version && WATCHED.includes(version.status) && (
        <>
          <GrayPlanSection
            appId={appId}
            version={v}
            grayPercentage={version.grayPercentage}
            canAct={isOwner(app.data, me.data?.principal, me.data?.roles ?? [])}
          />
          <HealthSection appId={appId} version={v} />
        </>
      )}
      {version && <VersionPanel appId={appId} version={version} />}
      {materials && (
        <Card title={pick(HEALTH_TEXT.materials)} size="small" data-testid="materials">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('testAccount')}>
              {materials.testAccount ?? t('none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('materials')}>
              {fill(pick(HEALTH_TEXT.screenshotsCount), { n: materials.screenshots?.length ?? 0 })}
            </Descriptions.Item>
            {materials.notes && <Descriptions.Item label={t('notes')}>{materials.notes}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </Space>
  );
}
