import type { AuditRecord } from '@minirelease/sdk';
import { paginate } from '@minirelease/sdk';
import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { ACTION_LABELS, moveText } from '../../i18n/domain-labels.js';
import { useI18n } from '../../i18n/i18n.js';

type Filter = { action?: string; actor?: string; version?: string };

/** The app's audit log, filterable by action, actor and version (filtered here: the log of one app is small). */
export default function AuditLog() {
  const { t, pick, date } = useI18n();
  const client = useClient();
  const appId = useParams().app!;
  const [filter, setFilter] = useState<Filter>({});
  const audit = useQuery({
    queryKey: ['audit', appId, 'all'],
    queryFn: async () => {
      const all: AuditRecord[] = [];
      for await (const r of paginate((cursor) =>
        client.auditLog(appId, { limit: 200, ...(cursor ? { cursor } : {}) }),
      ))
        all.push(r);
      return all;
    },
  });
  const records = audit.data ?? [];
  const distinct = (key: keyof Filter) =>
    [...new Set(records.map((r) => r[key]).filter((x): x is string => typeof x === 'string'))].map((x) => ({
      value: x,
      label: key === 'action' ? pick(ACTION_LABELS[x as AuditRecord['action']]) : x,
    }));
  const rows = records.filter(
    (r) =>
      (!filter.action || r.action === filter.action) &&
      (!filter.actor || r.actor === filter.actor) &&
      (!filter.version || r.version === filter.version),
  );
  const pickFilter = (key: keyof Filter) => (
    <Select
      allowClear
      aria-label={`${t('filter')}: ${t(key === 'action' ? 'action' : key === 'actor' ? 'actor' : 'version')}`}
      placeholder={t(key === 'action' ? 'action' : key === 'actor' ? 'actor' : 'version')}
      style={{ minWidth: 160 }}
      options={distinct(key)}
      value={filter[key]}
      onChange={(v: string | undefined) => setFilter((f) => ({ ...f, [key]: v }))}
    />
  );
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/apps">{t('apps')}</Link> },
          { title: <Link to={`/apps/${encodeURIComponent(appId)}`}>{appId}</Link> },
          { title: t('audit') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('audit')}
      </Typography.Title>
      <Space wrap>
        {pickFilter('action')}
        {pickFilter('actor')}
        {pickFilter('version')}
      </Space>
      <ErrorNotice error={audit.error} />
      <Table<AuditRecord>
        size="small"
        rowKey="id"
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          { title: t('at'), dataIndex: 'at', render: (d: string) => date(d) },
          {
            title: t('action'),
            dataIndex: 'action',
            render: (a: AuditRecord['action']) => pick(ACTION_LABELS[a]),
          },
          { title: t('actor'), dataIndex: 'actor' },
          { title: t('version'), dataIndex: 'version', render: (v: string | null) => v ?? '—' },
          {
            title: t('status'),
            key: 'fromTo',
            render: (_, r) => moveText(r, pick) || '—',
          },
          { title: t('comment'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
        ]}
      />
    </Space>
  );
}
