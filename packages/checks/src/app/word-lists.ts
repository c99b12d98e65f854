/** The word lists the name rules use, as data a platform may override. */
export interface WordLists {
  /** Words a name may not contain (全国, 官方, …). */
  forbidden: string[];
  /** Prefixes a superlative starts with (最…): the word after them makes it forbidden. */
  forbiddenPrefixes: string[];
  /** Platform and brand words only the platform itself may use (支付宝, 微信, …). */
  platform: string[];
  /** Generic words: a name made only of these is too generic (外卖, 打车, 杭州, …). */
  generic: string[];
}

export const DEFAULT_WORDS: WordLists = {
  forbidden: ['全国', '国内', '中国', '国家', '官方', '认证', '第一', '首个', '全网首发', '小程序'],
  forbiddenPrefixes: ['最'],
  platform: ['支付宝', '微信', '蚂蚁', '阿里巴巴', '腾讯'],
  generic: [],
};
