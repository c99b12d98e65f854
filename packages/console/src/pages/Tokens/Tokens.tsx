import type { CreatedToken, PlatformRole, Token } from '@minirelease/sdk';
import { PLATFORM_ROLES } from '@minirelease/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RevokeCell } from '../../components/RevokeCell.js';
import { SecretOnce } from '../../components/SecretOnce.js';
import { useI18n } from '../../i18n/i18n.js';
import { HostKeys } from './HostKeys.js';

/** Admin: make, list and revoke tokens and host keys; a new secret is shown once, with a copy button. */
export default function Tokens() {
  const { t, date } = useI18n();
  const client = useClient();
  const queries = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => client.listTokens() });
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: (d: { principal: string; roles?: PlatformRole[]; label?: string }) =>
      client.createToken({ principal: d.principal.trim(), roles: d.roles ?? [], label: d.label ?? '' }),
    onSuccess: async (tok) => {
      setCreated(tok);
      await queries.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const [revokeError, setRevokeError] = useState<unknown>(null);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('tokens')}
      </Typography.Title>
      <Card title={t('createToken')} size="small">
        <Form layout="inline" onFinish={(d) => create.mutate(d)}>
          <Form.Item label={t('principal')} name="principal" rules={[{ required: true, pattern: /^\S+$/ }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label={t('roles')} name="roles">
            <Select
              mode="multiple"
              style={{ minWidth: 200 }}
              options={PLATFORM_ROLES.map((r) => ({ value: r, label: r }))}
            />
          </Form.Item>
          <Form.Item label={t('label')} name="label">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('createToken')}
          </Button>
        </Form>
        <ErrorNotice error={create.error} />
        {created && (
          <SecretOnce key={created.id} secret={created.token} note={t('secretOnce')} testId="new-secret" />
        )}
      </Card>
      <ErrorNotice error={tokens.error ?? revokeError} />
      <Table<Token>
        size="small"
        rowKey="id"
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('principal'), dataIndex: 'principal' },
          {
            title: t('roles'),
            dataIndex: 'roles',
            render: (r: string[]) => r.map((x) => <Tag key={x}>{x}</Tag>),
          },
          { title: t('label'), dataIndex: 'label' },
          {
            title: t('lastUsed'),
            dataIndex: 'lastUsedAt',
            render: (d: string | null) => (d ? date(d) : '—'),
          },
          {
            title: t('revoke'),
            key: 'revoke',
            render: (_, tok) => (
              <RevokeCell
                revokedAt={tok.revokedAt}
                what={t('confirmRevokeToken', {
                  who: tok.label ? `${tok.principal} (${tok.label})` : tok.principal,
                })}
                revoke={() => client.revokeToken(tok.id)}
                onError={setRevokeError}
                refresh={() => queries.invalidateQueries({ queryKey: ['tokens'] })}
              />
            ),
          },
        ]}
      />
      <HostKeys />
    </Space>
  );
}
