import { type GrayBucketer, grayBucketer } from '../gray/bucket.js';
import type { Murmur3Prefix } from '../gray/murmur3.js';
import type { Channel } from '../wire/resolve.js';
import type { AppRelease, PackageRef } from '../wire/stream.js';
import type { NotResolved, Resolved, ResolveReason, ResolveResult } from './resolve-result.js';

/**
 * An app compiled for deciding: the gray key prefix pre-hashed, insiders in a Set, and every possible answer
 * built once, so a decision allocates nothing. The flat fields (`offline`, `hasInsiders`, `grayPrefix`) are
 * what `decide` reads: one object shape for every app, and no Set lookup (which hashes the id) when empty.
 */
export interface CompiledApp {
  readonly source: AppRelease;
  readonly offline: boolean;
  readonly insiders: ReadonlySet<string>;
  readonly hasInsiders: boolean;
  readonly bucketer: GrayBucketer | null;
  readonly grayPrefix: Murmur3Prefix | null;
  readonly grayBasisPoints: number;
  readonly answers: {
    readonly stable: ResolveResult;
    readonly grayByBucket: ResolveResult | null;
    readonly grayInsider: ResolveResult | null;
    readonly experience: ResolveResult | null;
    readonly offline: NotResolved;
  };
}

export function compileApp(app: AppRelease): CompiledApp {
  const answer = (ref: PackageRef, channel: Channel, reason: ResolveReason): Resolved =>
    Object.freeze({
      ok: true,
      appId: app.appId,
      version: ref.version,
      channel,
      sha256: ref.sha256,
      size: ref.size,
      reason,
    });
  const notReleased: NotResolved = Object.freeze({ ok: false, appId: app.appId, code: 'APP_NOT_RELEASED' });
  const bucketer = app.gray ? grayBucketer(app.appId, app.gray.version) : null;
  return {
    source: app,
    offline: app.visibility === 'offline',
    insiders: new Set(app.insiders),
    hasInsiders: app.insiders.length > 0,
    bucketer,
    grayPrefix: bucketer?.prefix ?? null,
    grayBasisPoints: app.gray?.basisPoints ?? 0,
    answers: {
      offline: Object.freeze({ ok: false, appId: app.appId, code: 'APP_OFFLINE' }),
      stable: app.live ? answer(app.live, 'stable', 'stable') : notReleased,
      grayByBucket: app.gray ? answer(app.gray, 'gray', 'bucket') : null,
      grayInsider: app.gray ? answer(app.gray, 'gray', 'insider') : null,
      experience: app.experience ? answer(app.experience, 'experience', 'experience') : null,
    },
  };
}
