import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.js';
import { prefetchFirstPage } from './api/apps-query.js';
import { SessionProvider } from './api/session.js';
import { I18nProvider } from './i18n/i18n.js';

const queries = new QueryClient({
  // A refusal is an answer to show, not a reason to ask again.
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

// The apps list is asked for now, before the first render (the first page's time, DESIGN §9).
prefetchFirstPage(queries);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <SessionProvider>
        <QueryClientProvider client={queries}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </SessionProvider>
    </I18nProvider>
  </StrictMode>,
);
