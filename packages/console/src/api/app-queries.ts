import { IN_FLIGHT_STATUSES } from '@minirelease/core';
import type { Version } from '@minirelease/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from './session.js';

/** Reads of one app; writes call `refreshApp` so every panel shows the state the server now holds. */
export function useAppData(appId: string) {
  const client = useClient();
  const app = useQuery({ queryKey: ['app', appId], queryFn: () => client.getApp(appId) });
  const versions = useQuery({
    queryKey: ['versions', appId],
    queryFn: async () => (await client.listVersions(appId, { limit: 200 })).items,
  });
  const inFlight = versions.data?.find((v) => IN_FLIGHT_STATUSES.includes(v.status));
  return { app, versions, inFlight };
}

export function useRefreshApp(appId: string) {
  const queries = useQueryClient();
  return () =>
    Promise.all([
      queries.invalidateQueries({ queryKey: ['app', appId] }),
      queries.invalidateQueries({ queryKey: ['versions', appId] }),
      queries.invalidateQueries({ queryKey: ['audit', appId] }),
      queries.invalidateQueries({ queryKey: ['apps'] }),
    ]);
}

/** Versions that were live once, newest first: where a rollback may go. */
export function rollbackTargets(versions: readonly Version[]): Version[] {
  return versions
    .filter((v) => v.status === 'SUPERSEDED' || v.status === 'ROLLED_BACK')
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, 5);
}
