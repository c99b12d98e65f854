import { useMutation } from '@tanstack/react-query';
import { Button, Form, Image, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useRefreshApp } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n.js';

const MAX_SCREENSHOTS = 5;

/** Submit for review: test account, password, ≤ 5 screenshots (uploaded as materials, previewed), notes. */
export function SubmitForm({
  appId,
  version,
  usesLogin,
}: {
  appId: string;
  version: string;
  usesLogin: boolean;
}) {
  const { t } = useI18n();
  const client = useClient();
  const refresh = useRefreshApp(appId);
  const [files, setFiles] = useState<File[]>([]);
  const [previews, setPreviews] = useState<string[]>([]);
  useEffect(() => {
    const urls = files.map((f) => URL.createObjectURL(f));
    setPreviews(urls);
    return () => {
      for (const u of urls) URL.revokeObjectURL(u);
    };
  }, [files]);
  const submit = useMutation({
    mutationFn: async (d: { testAccount?: string; testPassword?: string; notes?: string }) => {
      const screenshots: string[] = [];
      for (const f of files) {
        screenshots.push((await client.uploadMaterial(appId, new Uint8Array(await f.arrayBuffer()))).sha256);
      }
      return client.submit(appId, version, {
        ...(d.testAccount ? { testAccount: d.testAccount } : {}),
        ...(d.testPassword ? { testPassword: d.testPassword } : {}),
        ...(d.notes ? { notes: d.notes } : {}),
        screenshots,
      });
    },
    onSuccess: () => refresh(),
  });
  return (
    <Form layout="vertical" onFinish={(d) => submit.mutate(d)} data-testid="submit-form">
      <Typography.Title level={3} style={{ fontSize: 18 }}>
        {t('submit')}
      </Typography.Title>
      <Space wrap>
        <Form.Item label={t('testAccount')} name="testAccount" required={usesLogin}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('testPassword')} name="testPassword" required={usesLogin}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Space>
      <Form.Item label={t('screenshots')}>
        <input
          type="file"
          multiple
          accept="image/png,image/jpeg,image/webp"
          aria-label={t('screenshots')}
          data-testid="screenshots-input"
          onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, MAX_SCREENSHOTS))}
        />
      </Form.Item>
      <Space wrap>
        {previews.map((url, i) => (
          <Image key={url} src={url} width={96} alt={`${t('screenshots')} ${i + 1}`} />
        ))}
      </Space>
      <Form.Item label={t('notes')} name="notes">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <ErrorNotice error={submit.error} />
      <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 8 }}>
        {t('submit')}
      </Button>
    </Form>
  );
}
