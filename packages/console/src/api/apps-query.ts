import { type App, type MiniReleaseClient, paginate } from '@minirelease/sdk';

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
