import type { NothingToLaunchCode } from '@minirelease/core';
import type { ResolveAnswer } from '../wire.js';

export {
  isNothingToLaunchCode,
  NOTHING_TO_LAUNCH_CODES,
  NOTHING_TO_LAUNCH_MESSAGES,
  type NothingToLaunchCode,
  nothingToLaunchMessage,
} from '@minirelease/core';

/**
 * A package to launch: the resolver's answer, plus whether it is `stale` — served from the cache because the
 * resolver could not be asked (unreachable, 5xx, timeout), to be asked again later (fail-static).
 */
export interface HostAnswer extends ResolveAnswer {
  readonly ok: true;
  readonly stale: boolean;
}

/** Nothing to launch, as a value rather than an error: the app is unknown, offline, or not released to the user. */
export interface NothingToLaunch {
  readonly ok: false;
  readonly appId: string;
  readonly code: NothingToLaunchCode;
  readonly message: string;
  readonly stale: boolean;
}

export type HostResolveResult = HostAnswer | NothingToLaunch;

export interface HostResolveOptions {
  /** Ask for the experience version; given only to experiencers and members, others get the usual answer. */
  channel?: 'experience' | undefined;
}
