import { experienceLink } from '@minirelease/core';
import type { App } from '@minirelease/sdk';
import { Button, Card, Input, QRCode, Space, Typography } from 'antd';
import { useState } from 'react';
import { useRefreshApp } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n.js';

/**
 * The experience version (as WeChat's 体验版): who may open it and a QR code a host app scans. The code carries
 * core's `experienceLink`, the same deep link `minirelease experience show` prints: the app and the version,
 * nothing secret; the host adds its own signed-in user and resolves on the `experience` channel.
 */
export function ExperiencePanel({ app }: { app: App }) {
  const { t } = useI18n();
  const client = useClient();
  const refresh = useRefreshApp(app.appId);
  const [text, setText] = useState(app.experiencers.join('\n'));
  const [error, setError] = useState<unknown>(null);
  return (
    <Card title={`${t('experienceVersion')}: ${app.experienceVersion ?? t('none')}`} size="small">
      <Space wrap align="start">
        <div style={{ minWidth: 260 }}>
          <label htmlFor="experiencers">{t('experiencers')}</label>
          <Input.TextArea id="experiencers" rows={4} value={text} onChange={(e) => setText(e.target.value)} />
          <Button
            style={{ marginTop: 8 }}
            onClick={async () => {
              setError(null);
              try {
                const ids = text.split(/\s+/).filter(Boolean);
                await client.setExperiencers(app.appId, ids, { ifMatch: app.revision });
              } catch (e) {
                setError(e);
              }
              await refresh();
            }}
          >
            {t('saveExperiencers')}
          </Button>
          <ErrorNotice error={error} />
        </div>
        {app.experienceVersion && <ExperienceQr link={experienceLink(app.appId, app.experienceVersion)} />}
      </Space>
    </Card>
  );
}

function ExperienceQr({ link }: { link: string }) {
  const { t } = useI18n();
  return (
    <figure style={{ margin: 0 }} data-testid="experience-qr">
      {/* White behind the modules (antd's default is transparent): a camera reads it on any page colour. */}
      <QRCode value={link} bgColor="#ffffff" aria-label={t('experienceQr')} />
      <figcaption style={{ maxWidth: 260 }}>
        <Typography.Text type="secondary">{t('experienceQr')}</Typography.Text>
        {/* What the code holds, readable and copyable, for a tester who opens it by hand. */}
        <div>
          {t('experienceLink')}:{' '}
          <Typography.Text code copyable data-testid="experience-link" style={{ wordBreak: 'break-all' }}>
            {link}
          </Typography.Text>
        </div>
      </figcaption>
    </figure>
  );
}
