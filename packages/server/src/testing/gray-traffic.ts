import type { TestServer } from './test-server.js';

/** What one side reports in one minute: launches, and errors, crashes, feedback among them. */
export interface MinuteCounts {
  launches: number;
  errors?: number;
  crashes?: number;
  feedback?: number;
}

let batchSeq = 0;

/**
 * Reports one minute of a host app's traffic over `POST /v1/events`, as a host would: each launch and each
 * error, crash or feedback one event, from distinct users, in batches of at most 1,000 with their own batch id.
 */
export async function reportMinute(
  s: TestServer,
  hostKey: string,
  at: { appId: string; atMs: number },
  sides: { gray?: MinuteCounts & { version: string }; stable?: MinuteCounts & { version: string } },
): Promise<void> {
  const events: object[] = [];
  for (const channel of ['gray', 'stable'] as const) {
    const side = sides[channel];
    if (!side) continue;
    const base = { app: at.appId, version: side.version, channel, at: at.atMs };
    const kinds = [
      ['launch', side.launches],
      ['error', side.errors ?? 0],
      ['crash', side.crashes ?? 0],
      ['feedback', side.feedback ?? 0],
    ] as const;
    for (const [type, n] of kinds) {
      for (let i = 0; i < n; i++) events.push({ ...base, type, user: `${channel}-${i}` });
    }
  }
  for (let i = 0; i < events.length; i += 1_000) {
    const r = await s.call('POST', '/v1/events', {
      token: hostKey,
      body: { events: events.slice(i, i + 1_000) },
      headers: { 'idempotency-key': `sim-${process.pid}-${++batchSeq}` },
    });
    if (r.statusCode !== 202 || r.json().rejected.length > 0) {
      throw new Error(`events refused: ${r.statusCode} ${r.body.slice(0, 300)}`);
    }
  }
}
