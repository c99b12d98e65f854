import type { AppRole } from '@minirelease/sdk';
import { APP_ROLES } from '@minirelease/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient } from '../../api/session.js';
import { ConfirmButton } from '../../components/Confirm.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n.js';

/** An owner adds, changes and removes the app's members. */
export default function Members() {
  const { t } = useI18n();
  const client = useClient();
  const appId = useParams().app!;
  const queries = useQueryClient();
  const app = useQuery({ queryKey: ['app', appId], queryFn: () => client.getApp(appId) });
  const [error, setError] = useState<unknown>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    await action().catch(setError);
    await queries.invalidateQueries({ queryKey: ['app', appId] });
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/apps">{t('apps')}</Link> },
          { title: <Link to={`/apps/${encodeURIComponent(appId)}`}>{app.data?.name ?? appId}</Link> },
          { title: t('members') },
        ]}
      />
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('members')}
      </Typography.Title>
      <Form
        layout="inline"
        onFinish={(d: { principal: string; role: AppRole }) =>
          act(() => client.setMember(appId, d.principal.trim(), d.role))
        }
      >
        <Form.Item label={t('principal')} name="principal" rules={[{ required: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('role')} name="role" rules={[{ required: true }]} initialValue="developer">
          <Select style={{ minWidth: 140 }} options={APP_ROLES.map((r) => ({ value: r, label: r }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('add')}
        </Button>
      </Form>
      <ErrorNotice error={error ?? app.error} />
      <Table
        size="small"
        rowKey="principal"
        dataSource={app.data?.members ?? []}
        pagination={false}
        columns={[
          { title: t('principal'), dataIndex: 'principal' },
          { title: t('role'), dataIndex: 'role' },
          {
            title: t('remove'),
            key: 'remove',
            render: (_, m) => (
              <ConfirmButton
                danger
                size="small"
                label={t('remove')}
                what={m.principal}
                onConfirm={() => act(() => client.removeMember(appId, m.principal))}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
