import type { BatchResolveItem, DataPlaneClient } from '@minirelease/sdk';

/** The server takes at most this many decisions per batch call. */
export const BATCH_LIMIT = 1000;

export interface GrayShare {
  appId: string;
  users: number;
  gray: number;
  stable: number;
  experience: number;
  /** Users given nothing to launch, by code (APP_NOT_RELEASED during a first release). */
  notResolved: Record<string, number>;
  /** gray ÷ users, in percent with two decimals. */
  grayShare: number;
}

/**
 * Resolves the synthetic users `user-1` … `user-N` and counts who got the gray version: a quick way to see
 * that the share the server hands out is the share that was set.
 */
export async function measureGrayShare(
  client: DataPlaneClient,
  appId: string,
  users: number,
): Promise<GrayShare> {
  const share: GrayShare = { appId, users, gray: 0, stable: 0, experience: 0, notResolved: {}, grayShare: 0 };
  for (let start = 1; start <= users; start += BATCH_LIMIT) {
    const end = Math.min(start + BATCH_LIMIT - 1, users);
    const batch = Array.from({ length: end - start + 1 }, (_, i) => ({
      app: appId,
      user: `user-${start + i}`,
    }));
    for (const item of await client.resolveBatch(batch)) count(share, item);
  }
  share.grayShare = Math.round((share.gray / users) * 10_000) / 100;
  return share;
}

function count(share: GrayShare, item: BatchResolveItem): void {
  if ('error' in item) {
    share.notResolved[item.error.code] = (share.notResolved[item.error.code] ?? 0) + 1;
  } else {
    share[item.channel] += 1;
  }
}
