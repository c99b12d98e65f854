import type { App, GrayPercentage, Version } from '@minirelease/sdk';
import { Card, InputNumber, Progress, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { rollbackTargets, useRefreshApp } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { ConfirmButton, useConfirmedAction } from '../../components/Confirm.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PlanStateTag } from '../../components/PlanStateTag.js';
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
  const { t, lang } = useI18n();
  const client = useClient();
  const [free, setFree] = useState<number | null>(null);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const { error, run } = useConfirmedAction(useRefreshApp(app.appId));
  const canGray = inFlight && (inFlight.status === 'WAIT_RELEASE' || inFlight.status === 'GRAY');
  const v = inFlight?.version ?? '';
  const current = inFlight?.status === 'GRAY' ? (inFlight.grayPercentage ?? 0) : 0;
  // A move by hand ends an open plan (docs/gray-health.md, "The plan"): its confirmation says so.
  const plan = app.grayPlan?.version === v ? app.grayPlan : null;
  // Chinese sentences follow each other without a space, English ones with one.
  const ends = (what: string) => (plan ? `${what}${lang === 'zh' ? '' : ' '}${t('endsPlan')}` : what);
  const gray = (p: GrayPercentage, n: number | null) =>
    ({
      label: `${inFlight?.status === 'GRAY' ? t('widen') : t('grayStart')}${n === null ? '' : ` ${t('p', { n })}`}`,
      what: ends(t('confirmGray', { p: n ?? 0, v })),
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
              {plan && (
                <Space size={4} data-testid="gray-panel-plan">
                  <Typography.Text>{t('grayPlanOf')}</Typography.Text>
                  <PlanStateTag state={plan.state} />
                  <Link to={`/apps/${encodeURIComponent(app.appId)}/versions/${encodeURIComponent(v)}`}>
                    {t('seePlan')}
                  </Link>
                </Space>
              )}
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
                  what={ends(t('confirmCancelGray', { live: app.liveVersion ?? t('none') }))}
                  onConfirm={run(() => client.cancelGray(app.appId, v))}
                />
              )}
              <ConfirmButton
                type="primary"
                label={t('publish')}
                what={ends(t('confirmPublish', { v }))}
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
