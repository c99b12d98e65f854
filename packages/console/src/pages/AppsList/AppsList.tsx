import type { App } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { appsQuery } from '../../api/apps-query.js';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { GrayPlanBadge } from '../../components/GrayPlanBadge.js';
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
            render: (_, a) => (
              <>
                {a.grayVersion ?? t('none')} <GrayPlanBadge app={a} />
              </>
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
