import type { Version } from '@minirelease/sdk';
import { Breadcrumb, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useAppData } from '../../api/app-queries.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { StatusTag } from '../../components/StatusTag.js';
import { useI18n } from '../../i18n/i18n.js';
import { ExperiencePanel } from './ExperiencePanel.js';
import { GrayPanel } from './GrayPanel.js';
import { Timeline } from './Timeline.js';
import { UploadPanel } from './UploadPanel.js';
import { VersionPanel } from './VersionPanel.js';

/** One app: live and in-flight versions, the release actions, uploads, reports, the timeline. */
export default function AppPage() {
  const { t, date } = useI18n();
  const params = useParams();
  const appId = params.app!;
  const { app, versions, inFlight } = useAppData(appId);
  const selected = versions.data?.find((v) => v.version === params.v) ?? inFlight ?? versions.data?.[0];
  if (app.error) return <ErrorNotice error={app.error} />;
  const a = app.data;
  const base = `/apps/${encodeURIComponent(appId)}`;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/apps">{t('apps')}</Link> }, { title: a?.name ?? appId }]} />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {a?.name ?? appId} {a && <Tag>{t(a.visibility)}</Tag>}
      </Typography.Title>
      <Space wrap>
        <Link to={`${base}/members`}>{t('members')}</Link>
        <Link to={`${base}/audit`}>{t('audit')}</Link>
      </Space>
      {a && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="app-facts">
          <Descriptions.Item label={t('liveVersion')}>{a.liveVersion ?? t('none')}</Descriptions.Item>
          <Descriptions.Item label={t('inFlight')}>
            {inFlight ? (
              <>
                {inFlight.version} <StatusTag status={inFlight.status} />
              </>
            ) : (
              t('none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('grayShare')}>
            {a.grayPercentage === null ? '—' : t('p', { n: a.grayPercentage })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {a && <GrayPanel app={a} inFlight={inFlight} versions={versions.data ?? []} />}
      {a && <UploadPanel app={a} />}
      <Card title={t('versions')} size="small">
        <Table
          size="small"
          rowKey="version"
          dataSource={versions.data ?? []}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: t('version'),
              dataIndex: 'version',
              render: (v: string) => <Link to={`${base}/versions/${encodeURIComponent(v)}`}>{v}</Link>,
            },
            {
              title: t('status'),
              dataIndex: 'status',
              render: (s: Version['status']) => <StatusTag status={s} />,
            },
            { title: t('releaseNotes'), dataIndex: 'description', ellipsis: true },
            {
              title: t('createdAt'),
              dataIndex: 'createdAt',
              render: (d: string) => date(d),
            },
          ]}
        />
      </Card>
      {selected && <VersionPanel appId={appId} version={selected} />}
      {a && <ExperiencePanel app={a} />}
      <Timeline appId={appId} />
    </Space>
  );
}
