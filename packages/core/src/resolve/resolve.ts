import { inShare } from '../gray/bucket.js';
import type { CompiledApp, NotResolved, ReleaseSnapshot, ResolveResult } from './snapshot.js';

const notFound = (appId: string): NotResolved => ({ ok: false, appId, code: 'APP_NOT_FOUND' });
const offline = (appId: string): NotResolved => ({ ok: false, appId, code: 'APP_OFFLINE' });

/**
 * Which package a user gets (DESIGN §3): experience for insiders who ask for it, then gray by bucket, then the
 * live version; during a first release a user outside gray gets APP_NOT_RELEASED. Never throws.
 */
export function resolve(
  snapshot: ReleaseSnapshot,
  appId: string,
  userId: string,
  channel?: 'experience' | undefined,
): ResolveResult {
  const app = snapshot.apps.get(appId);
  if (!app) return notFound(appId);
  return decide(app, userId, channel);
}

export function decide(app: CompiledApp, userId: string, channel?: 'experience' | undefined): ResolveResult {
  if (app.source.visibility === 'offline') return offline(app.source.appId);
  const { answers } = app;
  if (channel === 'experience' && answers.experience && app.insiders.has(userId)) return answers.experience;
  if (app.bucketer) {
    if (app.insiders.has(userId)) return answers.grayInsider!;
    if (inShare(app.bucketer.bucket(userId), app.grayBasisPoints)) return answers.grayByBucket!;
  }
  return answers.stable;
}

/** Whether a user may find the app in search: exactly when resolve gives them a version. */
export function isVisibleTo(app: CompiledApp, userId: string): boolean {
  return decide(app, userId).ok;
}
