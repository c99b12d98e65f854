import type { GrayPlan } from '@minirelease/sdk';
import { Tag } from 'antd';
import { PLAN_STATE_LABELS } from '../i18n/health-labels.js';
import { useI18n } from '../i18n/i18n.js';

/** A gray plan's state in words (进行中, 已暂停, 已熔断 …), coloured as the version page and the app page show it. */
export function PlanStateTag({ state }: { state: GrayPlan['state'] }) {
  const { pick } = useI18n();
  const label = PLAN_STATE_LABELS[state];
  return (
    <Tag
      data-plan-state={state}
      {...(label.color.startsWith('#')
        ? { style: { backgroundColor: label.color, borderColor: label.color, color: '#fff' } }
        : { color: label.color })}
    >
      {pick(label)}
    </Tag>
  );
}
