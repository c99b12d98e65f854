import type { CatalogEntry } from './catalog.js';
import type { AppCode } from './codes.js';

const NAMING = 'Alipay mini-program naming rules (小程序名称规范); WeChat 小程序命名规则';
const QUALIFICATIONS = 'Alipay and WeChat special-industry category qualifications (特殊行业类目资质要求)';

/** The app and its submission: name, category, qualifications, release notes, materials. */
export const APP_ENTRIES: Readonly<Record<AppCode, CatalogEntry>> = {
  NAME_LENGTH: {
    code: 'NAME_LENGTH',
    severity: 'error',
    message: {
      zh: '名称“{name}”有 {count} 个字符，应为 {min}–{max} 个',
      en: 'The name "{name}" has {count} characters; it must have {min}–{max}',
    },
    hint: {
      zh: '名称须为 {min}–{max} 个字符（汉字、字母、数字各计 1 个），建议使用“品牌名+服务”的形式，如“青禾外卖”。',
      en: 'Use {min}–{max} characters (a Chinese character, letter or digit counts as one), ideally "brand + service" such as 青禾外卖.',
    },
    source: `${NAMING}: 3–30 characters`,
  },
  NAME_INVALID_CHARS: {
    code: 'NAME_INVALID_CHARS',
    severity: 'error',
    message: {
      zh: '名称含有不允许的字符：{chars}',
      en: 'The name contains characters that are not allowed: {chars}',
    },
    hint: {
      zh: '名称只能由中文、英文字母、数字和 _ + - 组成，不能含空格、标点、表情或其他符号。',
      en: 'A name may hold only Chinese characters, Latin letters, digits and _ + -: no spaces, punctuation, emoji or other symbols.',
    },
    source: `${NAMING}: Chinese, letters, digits and _ + - only`,
  },
  NAME_FORBIDDEN_WORD: {
    code: 'NAME_FORBIDDEN_WORD',
    severity: 'error',
    message: { zh: '名称含有禁用词：{words}', en: 'The name contains forbidden words: {words}' },
    hint: {
      zh: '名称不得使用“全国”“官方”“第一”“最…”等绝对化或易误导的词，也不得含“支付宝”“微信”等平台或他人品牌词；请删除后改用“品牌名+服务”的形式，如“青禾外卖”。{brandNote}',
      en: 'Drop absolute or misleading terms (全国 nationwide, 官方 official, 第一 first, 最… most) and platform or third-party brands (支付宝 Alipay, 微信 WeChat); name the app "brand + service" such as 青禾外卖.{brandNote}',
    },
    source: `${NAMING}; 广告法 (Advertising Law) art. 9 on absolute terms; platform trademarks`,
  },
  NAME_TOO_GENERIC: {
    code: 'NAME_TOO_GENERIC',
    severity: 'error',
    message: {
      zh: '名称“{name}”仅由通用词组成（{words}），没有可识别的品牌',
      en: 'The name "{name}" is made only of generic words ({words}), with no distinguishing brand',
    },
    hint: {
      zh: '行业、地域或功能词不能单独作为名称，请加上主体的品牌或字号，如“青禾外卖”而不是“杭州外卖”。',
      en: 'Industry, place and function words cannot make a name alone: add your brand, e.g. 青禾外卖 rather than 杭州外卖.',
    },
    source: `${NAMING}: a name must not be a generic term (名称过于宽泛)`,
  },
  NAME_MISSING_BRAND: {
    code: 'NAME_MISSING_BRAND',
    severity: 'warning',
    message: {
      zh: '名称“{name}”不含品牌“{brand}”',
      en: 'The name "{name}" does not contain the brand "{brand}"',
    },
    hint: {
      zh: '建议使用“品牌名+服务”的形式，如“{brand}外卖”；名称与主体品牌无关时，审核会要求商标注册证或品牌授权书。',
      en: 'Name the app "brand + service", e.g. {brand}外卖; a name unrelated to your brand needs a trademark certificate or a brand authorization at review.',
    },
    source: `${NAMING}: the name should reflect the account holder's brand`,
  },
  CATEGORY_UNKNOWN: {
    code: 'CATEGORY_UNKNOWN',
    severity: 'error',
    message: { zh: '类目“{category}”不在类目表中', en: 'The category "{category}" is not in the catalog' },
    hint: {
      zh: '请填写类目表中的类目 id（如 medical.hospital）或中文名称（如“医院”），并选择与实际服务一致的最细类目。',
      en: 'Give a catalog id (e.g. medical.hospital) or a Chinese category name (e.g. 医院), the most specific one matching the service.',
    },
    source:
      'Alipay and WeChat service categories (服务类目): every app declares one from the platform catalog',
  },
  QUALIFICATION_MISSING: {
    code: 'QUALIFICATION_MISSING',
    severity: 'error',
    message: {
      zh: '类目“{category}”需要的资质缺失：{missing}',
      en: 'The category "{category}" needs documents the app lacks: {missing}',
    },
    hint: {
      zh: '请在应用资质中补充上述证件（类型填写证件 id 或中文名称）及有效期，证件主体须与小程序主体一致；没有资质请改选无需资质的类目。',
      en: "Add the documents to the app's qualifications (type by id or Chinese name) with their expiry, held by the app's own entity; without them, pick a category that needs none.",
    },
    source: QUALIFICATIONS,
  },
  QUALIFICATION_EXPIRED: {
    code: 'QUALIFICATION_EXPIRED',
    severity: 'error',
    message: {
      zh: '资质“{qualification}”有效期至 {expiresAt}，已过期',
      en: 'The document "{qualification}" was valid until {expiresAt} and has expired',
    },
    hint: {
      zh: '请上传在有效期内的新证件；证件过期会导致审核驳回，已上线的小程序也可能被下架。',
      en: 'Upload a renewed document that is valid today; an expired one fails review and can take a live app offline.',
    },
    source: `${QUALIFICATIONS}: documents must be valid at review`,
  },
  VERSION_DESC_LENGTH: {
    code: 'VERSION_DESC_LENGTH',
    severity: 'error',
    message: {
      zh: '版本描述有 {count} 个字，应为 {min}–{max} 个',
      en: 'The release notes have {count} characters; they must have {min}–{max}',
    },
    hint: {
      zh: '用 {min}–{max} 个字说明本版本的新功能和改动，如“新增借阅记录页，支持按书名搜索馆藏图书”，不要只写“修复bug”。',
      en: 'Describe the new features and changes of this version in {min}–{max} characters, not just "bug fixes".',
    },
    source: 'Alipay version submission: 版本描述 30–500 characters',
  },
  MATERIALS_TEST_ACCOUNT_MISSING: {
    code: 'MATERIALS_TEST_ACCOUNT_MISSING',
    severity: 'error',
    message: {
      zh: '小程序需要登录，但审核材料缺少{missing}',
      en: 'The app has a login but the review materials lack {missing}',
    },
    hint: {
      zh: '请提供可直接登录并体验完整功能的测试账号和密码；短信验证码登录请在密码处填写固定验证码。',
      en: 'Give a test account and password that log straight in and reach every feature; for SMS-code logins, put a fixed code as the password.',
    },
    source: 'Alipay and WeChat review: reviewers reject apps they cannot log into (无法登录体验)',
  },
  MATERIALS_SCREENSHOTS_MISSING: {
    code: 'MATERIALS_SCREENSHOTS_MISSING',
    severity: 'warning',
    message: { zh: '审核截图不符合要求：{problem}', en: 'Review screenshots: {problem}' },
    hint: {
      zh: '请上传 1–{max} 张主要页面和核心功能的截图，帮助审核人员了解服务内容。',
      en: 'Attach 1–{max} screenshots of the main pages and core features so reviewers see what the app does.',
    },
    source: 'Alipay version submission: up to 5 screenshots of the app',
  },
};
