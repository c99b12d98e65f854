import type { App, GrayPercentage, Version } from '@minirelease/sdk';
import { Card, InputNumber, Progress, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { rollbackTargets, useRefreshApp } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { ConfirmButton, useConfirmedAction } from '../../components/Confirm.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useI18n } from '../../i18n/i18n.js';

const SHORTCUTS = [
  ['p10', 10],
  ['p30', 30],
  ['p50', 50],
] as const;

/** Gray, widen, cancel, publish, rollback, offline/online: each confirmed with what happens to whom. */
export function GrayPanel({
  app,
  inFlight,
  versions,
}: {
  app: App;
  inFlight: Version | undefined;
  versions: Version[];
}) {
  const { t } = useI18n();
  const client = useClient();
  const [free, setFree] = useState<number | null>(null);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const { error, run } = useConfirmedAction(useRefreshApp(app.appId));
  const canGray = inFlight && (inFlight.status === 'WAIT_RELEASE' || inFlight.status === 'GRAY');
  const v = inFlight?.version ?? '';
  const current = inFlight?.status === 'GRAY' ? (inFlight.grayPercentage ?? 0) : 0;
  const gray = (p: GrayPercentage, n: number | null) =>
    ({
      label: `${inFlight?.status === 'GRAY' ? t('widen') : t('grayStart')}${n === null ? '' : ` ${t('p', { n })}`}`,
      what: t('confirmGray', { p: n ?? 0, v }),
      onConfirm: run(() => client.gray(app.appId, v, p)),
    }) as const;
  const targets = rollbackTargets(versions);
  return (
    <Card title={t('gray')} size="small" data-testid="gray-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {canGray && (
          <>
            <div>
              <Typography.Text strong>{v}</Typography.Text>
              <Progress
                percent={current}
                aria-label={t('grayShare')}
                format={(n) => t('p', { n: n ?? 0 })}
                style={{ maxWidth: 480 }}
              />
            </div>
            <Space wrap>
              {SHORTCUTS.map(([p, n]) => (
                // Gray only widens: a share at or below the current one is not offered (the free value still
                // lets a person try, and the API's refusal explains it).
                <ConfirmButton key={p} {...gray(p, n)} disabled={n <= current} />
              ))}
              <InputNumber
                aria-label={t('freeValue')}
                placeholder={t('freeValue')}
                min={0.01}
                max={100}
                step={0.01}
                precision={2}
                value={free}
                onChange={(n) => setFree(n)}
              />
              <ConfirmButton {...gray(free ?? 0, free)} disabled={free === null} />
              {inFlight.status === 'GRAY' && (
                <ConfirmButton
                  label={t('cancelGray')}
                  what={t('confirmCancelGray', { live: app.liveVersion ?? t('none') })}
                  onConfirm={run(() => client.cancelGray(app.appId, v))}
                />
              )}
              <ConfirmButton
                type="primary"
                label={t('publish')}
                what={t('confirmPublish', { v })}
                onConfirm={run(() => client.publish(app.appId, v))}
              />
            </Space>
          </>
        )}
        <Space wrap>
          <Select
            aria-label={t('rollback')}
            style={{ minWidth: 220 }}
            placeholder={t('rollbackNewest')}
            allowClear
            value={target}
            onChange={setTarget}
            options={targets.map((x) => ({ value: x.version, label: x.version }))}
          />
          <ConfirmButton
            danger
            label={t('rollback')}
            disabled={app.liveVersion === null}
            what={t('confirmRollback', { v: target ?? targets[0]?.version ?? '?' })}
            onConfirm={run(() => client.rollback(app.appId, target ? { toVersion: target } : {}))}
          />
          {app.visibility === 'online' ? (
            <ConfirmButton
              danger
              label={t('takeOffline')}
              what={t('confirmOffline')}
              onConfirm={run(() => client.offline(app.appId))}
            />
          ) : (
            <ConfirmButton
              label={t('bringOnline')}
              what={t('confirmOnline')}
              onConfirm={run(() => client.online(app.appId))}
            />
          )}
        </Space>
        <ErrorNotice error={error} />
      </Space>
    </Card>
  );
}
