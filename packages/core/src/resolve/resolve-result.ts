import type { Channel } from '../wire/resolve.js';
import type { NothingToLaunchCode } from './nothing-to-launch.js';

/** Why a user got what they got (GrowthBook's `source`): the answer explains itself instead of throwing. */
export type ResolveReason = 'experience' | 'insider' | 'bucket' | 'stable';

export interface Resolved {
  readonly ok: true;
  readonly appId: string;
  readonly version: string;
  readonly channel: Channel;
  readonly sha256: string;
  readonly size: number;
  readonly reason: ResolveReason;
}

export interface NotResolved {
  readonly ok: false;
  readonly appId: string;
  readonly code: NothingToLaunchCode;
}

export type ResolveResult = Resolved | NotResolved;
