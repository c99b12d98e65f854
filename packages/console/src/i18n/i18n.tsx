import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { EN, type MessageKey, ZH } from './messages.js';

export type Lang = 'zh' | 'en';

const STORE_KEY = 'minirelease.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** A label with `{name}` placeholders filled. */
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A text the API gave in both languages (a finding's message, a category's name). */
  pick(text: { zh: string; en: string }): string;
  /** A time from the API (ISO-8601) as people of this language write it: 2026/12/02 18:46 or Dec 2, 2026, 6:46 PM. */
  date(iso: string): string;
}

const ZH_DATE = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short' });
const EN_DATE = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const Context = createContext<I18n | null>(null);

/** zh-CN by default (the platforms' language); the choice is remembered in localStorage, not secret. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORE_KEY) === 'en' ? 'en' : 'zh'));
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(next) {
        localStorage.setItem(STORE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLangState(next);
      },
      t(key, params = {}) {
        const text = (lang === 'zh' ? ZH : EN)[key];
        return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
      },
      pick: (text) => (lang === 'zh' ? text.zh : text.en),
      date: (iso) => (lang === 'zh' ? ZH_DATE : EN_DATE).format(new Date(iso)),
    }),
    [lang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(Context);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
