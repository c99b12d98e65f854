import type { ResolveAnswer } from '../wire.js';

/** The resolver's three ways of saying "nothing to launch for this user" (DESIGN §3, §5: all 404). */
export const NOTHING_TO_LAUNCH_CODES = ['APP_NOT_FOUND', 'APP_OFFLINE', 'APP_NOT_RELEASED'] as const;
export type NothingToLaunchCode = (typeof NOTHING_TO_LAUNCH_CODES)[number];

export function isNothingToLaunchCode(code: unknown): code is NothingToLaunchCode {
  return (NOTHING_TO_LAUNCH_CODES as readonly unknown[]).includes(code);
}

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

/** The messages the resolver sends with each code, so local mode answers word for word alike. */
export const NOTHING_TO_LAUNCH_MESSAGES: Readonly<Record<NothingToLaunchCode, string>> = {
  APP_NOT_FOUND: 'no such app',
  APP_OFFLINE: 'the app is offline',
  APP_NOT_RELEASED: 'the app is not released to this user yet',
};
