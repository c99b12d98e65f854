import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.js';

/**
 * A new secret (an operator token, a host key), shown this once with a copy button: the platform keeps only its
 * hash, so this is the one moment anyone can read it.
 */
export function SecretOnce({ secret, note, testId }: { secret: string; note: string; testId: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="warning"
      showIcon
      title={note}
      description={
        <Space wrap>
          <Typography.Text code data-testid={testId}>
            {secret}
          </Typography.Text>
          <Button
            onClick={async () => {
              await navigator.clipboard?.writeText(secret).catch(() => {});
              setCopied(true);
            }}
          >
            {copied ? t('copied') : t('copy')}
          </Button>
        </Space>
      }
    />
  );
}
