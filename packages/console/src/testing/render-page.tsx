import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { SessionProvider } from '../api/session.js';
import { I18nProvider, type Lang } from '../i18n/i18n.js';

/**
 * A component as the console mounts it (i18n, session, queries, router) in jsdom, for component tests. antd's
 * responsive parts ask for `matchMedia` and the autosized text area for `ResizeObserver`, which jsdom lacks:
 * "no match" and an observer that never fires, as jsdom lays nothing out anyway.
 */
export function renderPage(
  ui: ReactNode,
  {
    lang = 'zh',
    baseUrl = 'http://127.0.0.1:9',
    token = 'test-token',
  }: {
    lang?: Lang;
    baseUrl?: string;
    token?: string;
  } = {},
) {
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener() {},
      removeListener() {},
      addEventListener() {},
      removeEventListener() {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  localStorage.setItem('minirelease.lang', lang);
  sessionStorage.setItem('minirelease.token', token);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <I18nProvider>
      <SessionProvider baseUrl={baseUrl}>
        <QueryClientProvider client={queries}>
          <MemoryRouter>{ui}</MemoryRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nProvider>,
  );
}
