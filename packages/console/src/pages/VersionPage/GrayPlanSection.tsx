import { type GrayPlan, isApiError } from '@minirelease/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Descriptions, Space, Steps } from 'antd';
import { useRefreshApp } from '../../api/app-queries.js';
import { useClient } from '../../api/session.js';
import { ConfirmButton, useConfirmedAction } from '../../components/Confirm.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { PlanStateTag } from '../../components/PlanStateTag.js';
import { fill, HEALTH_TEXT } from '../../i18n/health-labels.js';
import { useI18n } from '../../i18n/i18n.js';
import { HEALTH_REFRESH_MS } from './HealthSection.js';

/** When the current step's soak ends: the earliest the plan may widen (if healthy and with enough launches). */
function soakEnds(plan: GrayPlan): string | null {
  if (plan.state !== 'active' || plan.stepIndex >= plan.steps.length - 1) return null;
  return new Date(Date.parse(plan.stepStartedAt) + plan.soakMinutes * 60_000).toISOString();
}

/** Stepper status: a halt is an error at its step, a pause waits, the end is finished. */
function stepsStatus(state: GrayPlan['state']) {
  if (state === 'halted') return 'error' as const;
  if (state === 'completed') return 'finish' as const;
  if (state === 'paused' || state === 'ended') return 'wait' as const;
  return 'process' as const;
}

/** A version's gray plan: its steps and where it stands; owners pause and resume it, each confirmed. */
export function GrayPlanSection({
  appId,
  version,
  grayPercentage,
  canAct,
}: {
  appId: string;
  version: string;
  grayPercentage: number | null;
  canAct: boolean;
}) {
  const { pick, date } = useI18n();
  const client = useClient();
  const queries = useQueryClient();
  const refreshApp = useRefreshApp(appId);
  // A refusal (a viewer, a plan that moved meanwhile) is shown; the plan and the app are read again either way.
  const { error, run } = useConfirmedAction(() =>
    Promise.all([queries.invalidateQueries({ queryKey: ['gray-plan', appId, version] }), refreshApp()]),
  );
  const plan = useQuery({
    queryKey: ['gray-plan', appId, version],
    queryFn: async () => {
      try {
        return await client.grayPlan(appId, version);
      } catch (e) {
        // No plan is an answer, not a failure: the gray is moved by hand.
        if (isApiError(e) && e.code === 'GRAY_PLAN_NOT_FOUND') return null;
        throw e;
      }
    },
    refetchInterval: HEALTH_REFRESH_MS,
  });
  const label = (key: keyof typeof HEALTH_TEXT) => pick(HEALTH_TEXT[key]);
  const p = plan.data;
  const next = p ? soakEnds(p) : null;
  return (
    <Card
      title={
        <span>
          {label('plan')} {p && <PlanStateTag state={p.state} />}
        </span>
      }
      size="small"
      data-testid="gray-plan-section"
    >
      <ErrorNotice error={plan.error} />
      {p === null && <p>{label('noPlan')}</p>}
      {p && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Steps
            size="small"
            current={p.stepIndex}
            status={stepsStatus(p.state)}
            items={p.steps.map((s, i) => ({
              title: `${s} %`,
              content: fill(label('step'), { n: i + 1 }),
            }))}
          />
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={label('planState')}>
              <PlanStateTag state={p.state} />
            </Descriptions.Item>
            <Descriptions.Item label={label('nextWiden')}>
              {next ? date(next) : p.stepIndex >= p.steps.length - 1 ? label('lastStep') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={fill(label('soak'), { n: p.soakMinutes, l: p.minLaunches })}>
              {p.publishAtEnd ? label('publishAtEnd') : '—'}
            </Descriptions.Item>
            {p.lastDecision && (
              <Descriptions.Item label={label('lastDecision')}>{p.lastDecision}</Descriptions.Item>
            )}
          </Descriptions>
          {canAct && (
            <Space wrap>
              {p.state === 'active' && (
                <ConfirmButton
                  label={label('pause')}
                  what={fill(label('confirmPause'), { v: version, p: `${grayPercentage ?? 0} %` })}
                  onConfirm={run(() => client.pauseGrayPlan(appId, version))}
                />
              )}
              {(p.state === 'paused' || p.state === 'halted') && (
                <ConfirmButton
                  type="primary"
                  label={label('resume')}
                  what={fill(label(p.state === 'halted' ? 'confirmResumeHalted' : 'confirmResume'), {
                    v: version,
                  })}
                  onConfirm={run(() => client.resumeGrayPlan(appId, version))}
                />
              )}
            </Space>
          )}
          <ErrorNotice error={error} />
        </Space>
      )}
    </Card>
  );
}
