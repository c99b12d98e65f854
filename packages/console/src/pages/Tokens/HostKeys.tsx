import type { CreatedHostKey, HostKey } from '@minirelease/sdk';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { RevokeCell } from '../../components/RevokeCell.js';
import { SecretOnce } from '../../components/SecretOnce.js';
import { useI18n } from '../../i18n/i18n.js';

/**
 * Admin: the host keys host apps report events with (DESIGN §10; `minirelease hostkey` in the CLI). Separate from
 * operator tokens: a key may only post events, so one leaked from an app binary moves no release.
 */
export function HostKeys() {
  const { t, date } = useI18n();
  const client = useClient();
  const queries = useQueryClient();
  const keys = useQuery({ queryKey: ['host-keys'], queryFn: () => client.listHostKeys() });
  const [created, setCreated] = useState<CreatedHostKey | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (d: { name: string }) => client.createHostKey(d.name.trim()),
    onSuccess: async (key) => {
      setCreated(key);
      await queries.invalidateQueries({ queryKey: ['host-keys'] });
    },
  });
  return (
    <Card title={t('hostKeys')} size="small" data-testid="host-keys">
      <Typography.Paragraph type="secondary">{t('hostKeysWhat')}</Typography.Paragraph>
      <Form layout="inline" onFinish={(d: { name: string }) => create.mutate(d)}>
        <Form.Item
          label={t('hostKeyName')}
          name="name"
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('createHostKey')}
        </Button>
      </Form>
      <ErrorNotice error={create.error} />
      {created && (
        <SecretOnce key={created.id} secret={created.key} note={t('hostKeyOnce')} testId="new-host-key" />
      )}
      <ErrorNotice error={keys.error ?? revokeError} />
      <Table<HostKey>
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        dataSource={keys.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('hostKeyName'), dataIndex: 'name' },
          { title: t('createdAt'), dataIndex: 'createdAt', render: (d: string) => date(d) },
          {
            title: t('lastUsed'),
            dataIndex: 'lastUsedAt',
            render: (d: string | null) => (d ? date(d) : '—'),
          },
          {
            title: t('revoke'),
            key: 'revoke',
            render: (_, key) => (
              <RevokeCell
                revokedAt={key.revokedAt}
                what={t('confirmRevokeHostKey', { name: key.name })}
                revoke={() => client.revokeHostKey(key.id)}
                onError={setRevokeError}
                refresh={() => queries.invalidateQueries({ queryKey: ['host-keys'] })}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
