import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n.js';

/** The token is checked with whoami before it is kept, so a typo is refused here and not on every page. */
export function SignIn() {
  const { t, lang, setLang } = useI18n();
  const { client, signIn } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ token }: { token: string }) => {
    setBusy(true);
    setError(null);
    try {
      const { MiniReleaseClient } = await import('@minirelease/sdk');
      await new MiniReleaseClient({ baseUrl: client.baseUrl, token: token.trim() }).whoami();
      signIn(token.trim());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ maxWidth: 440, margin: '10vh auto', padding: 16 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('signInTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('signInHint')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={onFinish}>
          <Form.Item label={t('token')} name="token" rules={[{ required: true }]}>
            <Input.Password autoComplete="off" />
          </Form.Item>
          <ErrorNotice error={error} />
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 12 }}>
            {t('signIn')}
          </Button>{' '}
          <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} style={{ marginTop: 12 }}>
            {t('language')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
