import type { App } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { appsQuery } from '../../api/apps-query.js';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { GrayPlanBadge } from '../../components/GrayPlanBadge.js';
import { StatusTag } from '../../components/StatusTag.js';
import { useI18n } from '../../i18n/i18n.js';

// The form (Form, DatePicker, Upload, the live name check) loads when it is opened: the list is the first page.
const CreateApp = lazy(() => import('./CreateApp.js').then((m) => ({ default: m.CreateApp })));

export default function AppsList() {
  const { t } = useI18n();
  const client = useClient();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const apps = useQuery(appsQuery(client));
  const needle = q.trim().toLowerCase();
  const rows = (apps.data ?? []).filter(
    (a) => needle === '' || a.appId.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle),
  );
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('apps')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            aria-label={t('search')}
            placeholder={t('search')}
            allowClear
            onChange={(e) => setQ(e.target.value)}
          />
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('createApp')}
          </Button>
        </Space>
      </Space>
      <ErrorNotice error={apps.error} />
      <Table<App>
        style={{ marginTop: 16 }}
        rowKey="appId"
        loading={apps.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        scroll={{ x: true }}
        data-testid="apps-table"
        columns={[
          {
            title: t('name'),
            key: 'name',
            render: (_, a) => (
              <Link to={`/apps/${encodeURIComponent(a.appId)}`}>
                {a.name} <Typography.Text type="secondary">({a.appId})</Typography.Text>
              </Link>
            ),
          },
          { title: t('liveVersion'), dataIndex: 'liveVersion', render: (v: string | null) => v ?? t('none') },
          {
            title: t('inFlight'),
            key: 'inFlight',
            // The version on its way and where it stands (in review, rejected, approved, in gray), as the
            // platforms' lists show it, with the plan's badge when a gray plan paused or halted it.
            render: (_, a) =>
              a.inFlight ? (
                <Space size={4} wrap data-testid="in-flight">
                  {a.inFlight.version}
                  <StatusTag status={a.inFlight.status} />
                  <GrayPlanBadge app={a} />
                </Space>
              ) : (
                t('none')
              ),
          },
          {
            title: t('grayShare'),
            dataIndex: 'grayPercentage',
            render: (p: number | null) => (p === null ? '—' : t('p', { n: p })),
          },
          {
            title: t('visibility'),
            dataIndex: 'visibility',
            render: (v: App['visibility']) => <Tag>{t(v)}</Tag>,
          },
        ]}
      />
      {creating && (
        <Suspense fallback={null}>
          <CreateApp onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  );
}
