import { BUCKETS } from '../gray/bucket.js';
import { murmur3WithPrefix } from '../gray/murmur3.js';
import type { CompiledApp } from './compile-app.js';
import type { ReleaseState } from './release-state.js';
import type { NotResolved, ResolveResult } from './resolve-result.js';

const notFound = (appId: string): NotResolved => ({ ok: false, appId, code: 'APP_NOT_FOUND' });

/**
 * Which package a user gets (DESIGN §3): experience for insiders who ask for it, then gray by bucket, then the
 * live version; during a first release a user outside gray gets APP_NOT_RELEASED. Never throws.
 */
export function resolve(
  snapshot: ReleaseState,
  appId: string,
  userId: string,
  channel?: 'experience' | undefined,
): ResolveResult {
  const app = snapshot.apps.get(appId);
  if (!app) return notFound(appId);
  return decide(app, userId, channel);
}

/**
 * The decision for one compiled app. The hot path: flat fields, the bucket computed inline from the pre-hashed
 * prefix (no closure call), and the insider Set consulted only when the app has insiders.
 */
export function decide(app: CompiledApp, userId: string, channel?: 'experience' | undefined): ResolveResult {
  const answers = app.answers;
  if (app.offline) return answers.offline;
  if (channel === 'experience' && answers.experience !== null && app.insiders.has(userId)) {
    return answers.experience;
  }
  const prefix = app.grayPrefix;
  if (prefix !== null) {
    if (app.hasInsiders && app.insiders.has(userId)) return answers.grayInsider!;
    // inShare(bucket, basisPoints), written out: a bucket below the share is in gray.
    if (murmur3WithPrefix(prefix, userId) % BUCKETS < app.grayBasisPoints) return answers.grayByBucket!;
  }
  return answers.stable;
}

/** Whether a user may find the app in search: exactly when resolve gives them a version. */
export function isVisibleTo(app: CompiledApp, userId: string): boolean {
  return decide(app, userId).ok;
}
