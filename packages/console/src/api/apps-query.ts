import { type App, MiniReleaseClient, paginate } from '@minirelease/sdk';
import type { QueryClient } from '@tanstack/react-query';
import { TOKEN_KEY } from './session.js';

/**
 * Every app the caller may see, as the apps list shows them. One definition for the list and for the shell,
 * which asks for it while the list's own code is still loading (the first page's time, DESIGN §9).
 */
export function appsQuery(client: MiniReleaseClient) {
  return {
    queryKey: ['apps'],
    queryFn: async () => {
      const all: App[] = [];
      for await (const app of paginate((cursor) =>
        client.listApps({ limit: 200, ...(cursor ? { cursor } : {}) }),
      ))
        all.push(app);
      return all;
    },
  };
}

/**
 * A signed-in tab opening on the apps list asks for them before React's first render (which, with antd's
 * styles, is a good part of the first page's time), so the answer is there when the list's chunk has run.
 */
export function prefetchFirstPage(queries: QueryClient): void {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token || (location.pathname !== '/' && location.pathname !== '/apps')) return;
  void queries.prefetchQuery(appsQuery(new MiniReleaseClient({ baseUrl: location.origin, token })));
}
