import { DEFAULT_CATEGORIES } from './category-catalog.js';
import { GENERIC_WORDS } from './generic-words.js';

/**
 * The numbers the app-level rules judge by (Alipay's by default). They travel with the word lists because
 * both describe the platform's submission rules, not the package (those are `Limits`).
 */
export interface AppLimits {
  /** NAME_LENGTH: characters (code points: a Chinese character counts 1). */
  nameMinChars: number;
  nameMaxChars: number;
  /** VERSION_DESC_LENGTH: characters of the release notes, surrounding spaces not counted. */
  descriptionMinChars: number;
  descriptionMaxChars: number;
  /** MATERIALS_SCREENSHOTS_MISSING: the most screenshots a submission may carry. */
  screenshotsMax: number;
}

/** The word lists the name rules use, as data a platform may override. */
export interface WordLists extends AppLimits {
  /** Words a name may not contain (全国, 官方, …). */
  forbidden: string[];
  /** Prefixes a superlative starts with (最…): the word after them makes it forbidden. */
  forbiddenPrefixes: string[];
  /** Platform and brand words only the platform itself may use (支付宝, 微信, …). */
  platform: string[];
  /** Generic words: a name made only of these is too generic (外卖, 打车, 杭州, …). */
  generic: string[];
}

export const DEFAULT_APP_LIMITS: AppLimits = Object.freeze({
  nameMinChars: 3,
  nameMaxChars: 30,
  descriptionMinChars: 30,
  descriptionMaxChars: 500,
  screenshotsMax: 5,
});

export const APP_LIMIT_KEYS = Object.keys(DEFAULT_APP_LIMITS) as (keyof AppLimits)[];

export const DEFAULT_WORDS: WordLists = {
  // 广告法 absolute terms and claims of official standing the app cannot prove.
  forbidden: ['全国', '国内', '中国', '国家', '官方', '认证', '第一', '首个', '全网首发', '小程序'],
  forbiddenPrefixes: ['最'],
  platform: ['支付宝', '微信', '蚂蚁', '阿里巴巴', '腾讯', 'Alipay', 'WeChat', 'Alibaba', 'Tencent'],
  generic: [...new Set([...DEFAULT_CATEGORIES.categories.map((c) => c.name), ...GENERIC_WORDS])],
  ...DEFAULT_APP_LIMITS,
};
