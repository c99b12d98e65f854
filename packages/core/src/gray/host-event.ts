import type { ErrorCode } from '../errors.js';
import type { HostEventChannel, HostEventType } from '../wire/host-events.js';

/** The event kinds and channels a host may report (DESIGN §10). */
export const HOST_EVENT_TYPES = [
  'launch',
  'error',
  'crash',
  'feedback',
] as const satisfies readonly HostEventType[];
export const HOST_EVENT_CHANNELS = [
  'gray',
  'stable',
  'experience',
] as const satisfies readonly HostEventChannel[];

/** How far back and ahead of the server's clock an event may be (DESIGN §10: a day back, a few minutes ahead). */
export const EVENT_WINDOW = { pastMs: 24 * 3_600_000, futureMs: 5 * 60_000 } as const;

/** Limits per field: every string bounded, so no event carries an unbounded body. */
const MAX = { app: 64, version: 40, user: 128, id: 128, message: 2_000, page: 512 } as const;
const SEMVER = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

/** An event as counted: the minute it falls in (epoch ms, floored) and what is counted. */
export interface CountedEvent {
  app: string;
  version: string;
  channel: HostEventChannel;
  user: string;
  type: HostEventType;
  minute: number;
}

export type CheckedEvent = { ok: true; event: CountedEvent } | { ok: false; code: ErrorCode };

/**
 * Checks one reported event against its shape and the time window; pure, never throws, so one bad event is
 * one refusal in the batch answer and never a 4xx or 5xx for the batch. App and version existence is the
 * caller's (it needs storage).
 */
export function checkHostEvent(raw: unknown, nowMs: number): CheckedEvent {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse('VALIDATION_FAILED');
  const e = raw as Record<string, unknown>;
  const app = boundedString(e.app, MAX.app);
  const version = boundedString(e.version, MAX.version);
  const user = boundedString(e.user, MAX.user);
  if (app === undefined || version === undefined || user === undefined) return refuse('VALIDATION_FAILED');
  if (!SEMVER.test(version)) return refuse('VERSION_INVALID');
  if (!isOneOf(e.channel, HOST_EVENT_CHANNELS) || !isOneOf(e.type, HOST_EVENT_TYPES)) {
    return refuse('VALIDATION_FAILED');
  }
  for (const field of ['id', 'message', 'page'] as const) {
    if (e[field] !== undefined && boundedString(e[field], MAX[field]) === undefined)
      return refuse('VALIDATION_FAILED');
  }
  const at = timeOf(e.at);
  if (at === undefined) return refuse('VALIDATION_FAILED');
  if (at < nowMs - EVENT_WINDOW.pastMs || at > nowMs + EVENT_WINDOW.futureMs)
    return refuse('EVENT_OUT_OF_WINDOW');
  return {
    ok: true,
    event: { app, version, channel: e.channel, user, type: e.type, minute: at - (at % 60_000) },
  };
}

function refuse(code: ErrorCode): CheckedEvent {
  return { ok: false, code };
}

function boundedString(v: unknown, max: number): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= max ? v : undefined;
}

function isOneOf<T extends string>(v: unknown, options: readonly T[]): v is T {
  return typeof v === 'string' && (options as readonly string[]).includes(v);
}

/** ISO-8601 with a zone, or epoch milliseconds as a finite non-negative integer. */
function timeOf(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v)) {
    return undefined;
  }
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : undefined;
}
