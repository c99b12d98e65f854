import type { App } from '@minirelease/sdk';
import { Tag } from 'antd';
import { HEALTH_TEXT } from '../i18n/health-labels.js';
import { useI18n } from '../i18n/i18n.js';

/**
 * A halted or paused gray plan, from the app answer itself: the list never reads health per app. A plan halts on
 * its first degraded verdict, so "halted" is the degraded badge (docs/gray-health.md).
 */
export function GrayPlanBadge({ app }: { app: App }) {
  const { pick } = useI18n();
  const plan = app.grayPlan;
  if (!plan || plan.state === 'active') return null;
  if (plan.state === 'halted') {
    return (
      <Tag
        data-testid="gray-halted-badge"
        style={{ backgroundColor: '#b71c1c', borderColor: '#b71c1c', color: '#fff' }}
      >
        {pick(HEALTH_TEXT.halted)} {plan.version}
      </Tag>
    );
  }
  return <Tag data-testid="gray-paused-badge">{pick(HEALTH_TEXT.paused)}</Tag>;
}
