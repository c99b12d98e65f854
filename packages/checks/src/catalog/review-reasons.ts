import type { ReviewReason } from '@minirelease/core/wire';
import type { LocalizedText } from '../report.js';
import type { Catalog } from './catalog.js';

/**
 * Reasons only a person can see, from the platforms' most common rejections (Alipay 小程序审核驳回原因, WeChat
 * 小程序常见审核驳回原因): the checker reads files, a reviewer uses the mini-program. Prefixed `REVIEW_` so no
 * checker code can ever collide with one. Codes are stable: a rejection stored in a version's history names them.
 */
export const REVIEWER_REASON_CODES = [
  'REVIEW_MAIN_FLOW_ERROR',
  'REVIEW_FORCED_AUTH',
  'REVIEW_TEST_ACCOUNT_INVALID',
  'REVIEW_MATERIALS_MISMATCH',
  'REVIEW_NAME_MISLEADING',
  'REVIEW_CATEGORY_MISMATCH',
  'REVIEW_CONTENT_VIOLATION',
  'REVIEW_INCOMPLETE',
  'REVIEW_INDUCED_SHARING',
  'REVIEW_OTHER',
] as const;

export type ReviewerReasonCode = (typeof REVIEWER_REASON_CODES)[number];

export const REVIEWER_REASONS: Readonly<
  Record<ReviewerReasonCode, { label: LocalizedText; hint: LocalizedText }>
> = {
  REVIEW_MAIN_FLOW_ERROR: {
    label: { zh: '主流程报错或无法使用', en: 'The main flow fails or cannot be used' },
    hint: {
      zh: '请自测首页到核心服务的完整流程（下单、预约、查询等），修复报错、白屏和无响应后再提交。',
      en: 'Walk the whole flow from the home page to the core service (order, booking, lookup …) and fix errors, blank screens and dead buttons before submitting.',
    },
  },
  REVIEW_FORCED_AUTH: {
    label: { zh: '首屏或非必要场景强制授权', en: 'Authorization forced on the first screen or without need' },
    hint: {
      zh: '用户浏览时不应被要求登录、获取手机号或位置；仅在用户主动使用相关功能时请求授权，并允许拒绝。',
      en: 'Let users browse without logging in or granting phone number or location; ask only when they use the feature, and let them decline.',
    },
  },
  REVIEW_TEST_ACCOUNT_INVALID: {
    label: { zh: '测试账号无效或缺失', en: 'The test account is invalid or missing' },
    hint: {
      zh: '请提供可登录且有完整权限的测试账号和密码，并保证审核期间有效。',
      en: 'Give a test account and password that log in with full access, and keep them valid while the review lasts.',
    },
  },
  REVIEW_MATERIALS_MISMATCH: {
    label: { zh: '截图或录屏缺失、与实际不符', en: 'Screenshots or recording missing or not matching' },
    hint: {
      zh: '请上传能体现核心功能的截图或操作录屏，内容须与当前版本一致。',
      en: 'Upload screenshots or a screen recording showing the core features, taken from this version.',
    },
  },
  REVIEW_NAME_MISLEADING: {
    label: { zh: '名称不规范或与服务不符', en: 'The name is improper or does not match the service' },
    hint: {
      zh: '名称须体现实际提供的服务，不得夸大、仿冒他人品牌或使用未获授权的品牌词。',
      en: 'The name must describe the service offered, without exaggeration, imitation of another brand or a brand you are not authorized to use.',
    },
  },
  REVIEW_CATEGORY_MISMATCH: {
    label: { zh: '类目或资质与服务内容不符', en: 'The category or documents do not match the service' },
    hint: {
      zh: '请选择与实际服务一致的类目，并提交该类目要求的有效资质。',
      en: 'Choose the category of the service actually offered and provide the valid documents it requires.',
    },
  },
  REVIEW_CONTENT_VIOLATION: {
    label: { zh: '内容违规', en: 'Content violates the platform rules' },
    hint: {
      zh: '请删除违法违规、低俗、虚假或侵权内容，并核对平台内容规范。',
      en: 'Remove illegal, vulgar, false or infringing content and check the platform content rules.',
    },
  },
  REVIEW_INCOMPLETE: {
    label: { zh: '功能不完整或为测试版', en: 'Features incomplete or a test build' },
    hint: {
      zh: '请在功能开发完成后提交，不得存在“敬请期待”、空页面或测试数据。',
      en: 'Submit once the features are finished: no "coming soon", empty pages or test data.',
    },
  },
  REVIEW_INDUCED_SHARING: {
    label: { zh: '诱导分享或诱导关注', en: 'Users induced to share or follow' },
    hint: {
      zh: '不得以奖励、强制等方式要求用户分享、关注或添加到首页。',
      en: 'Do not reward or force users into sharing, following or adding to the home screen.',
    },
  },
  REVIEW_OTHER: {
    label: { zh: '其他（见审核意见）', en: 'Other (see the comment)' },
    hint: {
      zh: '请阅读审核意见中的具体说明。',
      en: 'Read the reviewer comment for the details.',
    },
  },
};

/**
 * The rejection catalog (DESIGN §11): every code of the platform's checker catalog, then the reviewer-only
 * ones. A checker message may hold `{name}` placeholders a finding fills; a label has no finding to fill them
 * from, so each becomes "…".
 */
export function reviewReasons(catalog: Catalog): ReviewReason[] {
  const blank = (text: LocalizedText): LocalizedText => ({
    zh: text.zh.replace(/\{\w+\}/g, '…'),
    en: text.en.replace(/\{\w+\}/g, '…'),
  });
  return [
    ...Object.values(catalog).map(({ code, message, hint }) => ({
      code,
      source: 'checker' as const,
      label: blank(message),
      hint: blank(hint),
    })),
    ...REVIEWER_REASON_CODES.map((code) => ({
      code,
      source: 'reviewer' as const,
      ...REVIEWER_REASONS[code],
    })),
  ];
}
