import type { AuditRecord, GrayPlanState, ReviewDecision, Version } from '@minirelease/sdk';
import { PLAN_STATE_LABELS } from './health-labels.js';

type Text = { zh: string; en: string };

/**
 * Version statuses as the Alipay and WeChat consoles name them to their users (开发版本, 审核中, 灰度中, 已上架);
 * the API keeps Alipay's enum names, which stay visible in a tooltip for people reading the API or the CLI.
 * The states people look for first are solid (white on blue-7, red-8, cyan-8, gold-9 and green-8: antd's light
 * blue, red, cyan, gold and green tags fail WCAG AA contrast, which axe checks in the e2e; the apps list shows
 * every in-flight status). A `Record` over the union: a status added to core without its label is a type error here.
 */
export const STATUS_LABELS: Record<Version['status'], Text & { color: string }> = {
  INIT: { zh: '开发版本', en: 'In development', color: 'default' },
  AUDITING: { zh: '审核中', en: 'In review', color: '#0958d9' },
  AUDIT_REJECT: { zh: '审核驳回', en: 'Rejected', color: '#a8071a' },
  WAIT_RELEASE: { zh: '待上架', en: 'Approved', color: '#006d75' },
  GRAY: { zh: '灰度中', en: 'In gray', color: '#874d00' },
  RELEASE: { zh: '已上架', en: 'Live', color: '#237804' },
  SUPERSEDED: { zh: '历史版本', en: 'Superseded', color: 'default' },
  ROLLED_BACK: { zh: '已回滚', en: 'Rolled back', color: 'default' },
};

/** What each audit action means to a person reading the timeline or the audit log. */
export const ACTION_LABELS: Record<AuditRecord['action'], Text> = {
  upload: { zh: '上传代码包', en: 'Uploaded' },
  delete: { zh: '删除版本', en: 'Deleted' },
  submit: { zh: '提交审核', en: 'Submitted for review' },
  'cancel-review': { zh: '撤回审核', en: 'Review withdrawn' },
  review: { zh: '审核', en: 'Reviewed' },
  gray: { zh: '灰度', en: 'Gray' },
  'cancel-gray': { zh: '取消灰度', en: 'Gray cancelled' },
  publish: { zh: '全量发布', en: 'Published' },
  rollback: { zh: '回滚', en: 'Rolled back' },
  offline: { zh: '下线', en: 'Taken offline' },
  online: { zh: '重新上线', en: 'Back online' },
  experience: { zh: '设为体验版', en: 'Made the experience version' },
  edit: { zh: '修改版本说明', en: 'Release notes edited' },
  create: { zh: '创建小程序', en: 'App created' },
  update: { zh: '修改小程序信息', en: 'App details changed' },
  members: { zh: '成员变更', en: 'Members changed' },
  experiencers: { zh: '体验者变更', en: 'Experiencers changed' },
  qualifications: { zh: '资质变更', en: 'Qualifications changed' },
  'gray-plan': { zh: '设置灰度计划', en: 'Gray plan set' },
  'gray-plan-pause': { zh: '暂停灰度计划', en: 'Gray plan paused' },
  'gray-plan-resume': { zh: '恢复灰度计划', en: 'Gray plan resumed' },
  'gray-plan-halt': { zh: '灰度计划因指标异常暂停', en: 'Gray plan halted on health' },
  'gray-plan-end': { zh: '灰度计划结束', en: 'Gray plan ended' },
};

export const DECISION_LABELS: Record<ReviewDecision, Text> = {
  approve: { zh: '审核通过', en: 'Approved' },
  reject: { zh: '审核驳回', en: 'Rejected' },
};

const VISIBILITY_LABELS: Record<'online' | 'offline', Text> = {
  online: { zh: '上线', en: 'Online' },
  offline: { zh: '下线', en: 'Offline' },
};

/** Where an audit record moved from and to (a status, a visibility or a plan's state), in words; '' when nothing moved. */
export function moveText(
  r: Pick<AuditRecord, 'action' | 'from' | 'to'>,
  pick: (text: Text) => string,
): string {
  // A plan's records move the plan (active → paused), not a version: their states are the plan's words.
  const isPlan = r.action.startsWith('gray-plan');
  const label = (state: string) => {
    const text = isPlan
      ? PLAN_STATE_LABELS[state as GrayPlanState]
      : (STATUS_LABELS[state as Version['status']] ??
        VISIBILITY_LABELS[state as keyof typeof VISIBILITY_LABELS]);
    return text ? pick(text) : state;
  };
  if (r.from && r.to && r.from !== r.to) return `${label(r.from)} → ${label(r.to)}`;
  if (r.to && !r.from) return label(r.to);
  return '';
}
