import type { ResolveAnswer } from '../wire/resolve.js';
import type { Resolved, ResolveResult } from './resolve-result.js';

/**
 * The resolver's three ways of saying "nothing to launch for this user" (DESIGN §3, §5: all 404), their
 * messages and the wire form of every answer, written once: the resolver process, the API's embedded resolver
 * and the SDK's local mode answer word for word alike (docs/architecture.md, "The data plane").
 */
export const NOTHING_TO_LAUNCH_CODES = ['APP_NOT_FOUND', 'APP_OFFLINE', 'APP_NOT_RELEASED'] as const;
export type NothingToLaunchCode = (typeof NOTHING_TO_LAUNCH_CODES)[number];

export function isNothingToLaunchCode(code: unknown): code is NothingToLaunchCode {
  return (NOTHING_TO_LAUNCH_CODES as readonly unknown[]).includes(code);
}

export const NOTHING_TO_LAUNCH_MESSAGES: Readonly<Record<NothingToLaunchCode, string>> = {
  APP_NOT_FOUND: 'no such app',
  APP_OFFLINE: 'the app is offline',
  APP_NOT_RELEASED: 'the app is not released to this user yet',
};

/** The message an answer of nothing to launch carries: `"<appId>: <why>"`. */
export function nothingToLaunchMessage(appId: string, code: NothingToLaunchCode): string {
  return `${appId}: ${NOTHING_TO_LAUNCH_MESSAGES[code]}`;
}

/** A decision as it goes on the wire: the answer, or the error body of nothing to launch. */
export function answerToWire(
  r: ResolveResult,
  packageUrl: (sha256: string) => string,
): ResolveAnswer | { error: { code: NothingToLaunchCode; message: string } } {
  if (!r.ok) return { error: { code: r.code, message: nothingToLaunchMessage(r.appId, r.code) } };
  return resolvedToWire(r, packageUrl);
}

/** A version to launch as the wire's `ResolveAnswer`. */
export function resolvedToWire(r: Resolved, packageUrl: (sha256: string) => string): ResolveAnswer {
  return {
    appId: r.appId,
    version: r.version,
    channel: r.channel,
    packageUrl: packageUrl(r.sha256),
    sha256: r.sha256,
    size: r.size,
  };
}
