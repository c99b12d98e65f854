import { IN_FLIGHT_STATUSES, type VersionStatus } from '@minirelease/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePackage, NEW_APP, NOTES } from '../testing/fixtures.js';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

interface VersionView {
  version: string;
  status: VersionStatus;
  grayPercentage: number | null;
}
interface AuditView {
  id: number;
  action: string;
  version: string | null;
  from: string | null;
  to: string | null;
  details: { changes?: Array<{ version: string; from: string | null; to: string | null }> } | null;
}

const CLIENTS = 20;
const ROUNDS = 20;
const APP = '/v1/apps/qinghe-books';

describe.each(TEST_DIALECTS)('20 clients racing on one app on %s', (dialect) => {
  let s: TestServer;
  let setupAudits = 0;
  beforeAll(async () => {
    s = await startTestServer(dialect);
    await s.call('POST', '/v1/apps', { body: NEW_APP });
    const zip = await examplePackage();
    for (let minor = 0; minor <= 30; minor++) {
      await s.call('POST', `${APP}/versions?version=1.${minor}.0&description=${encodeURIComponent(NOTES)}`, {
        body: zip,
      });
    }
    setupAudits = (await auditLog()).length;
  });
  afterAll(() => s.close());

  async function auditLog(): Promise<AuditView[]> {
    const all: AuditView[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await s.call('GET', `${APP}/audit-log?limit=200${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all.reverse();
  }

  /** One client: read the app, pick a step that may or may not still be legal when it lands, send it. */
  async function client(seed: number, acked: Map<string, number>, statuses: number[]): Promise<void> {
    let x = seed * 7919 + 1;
    const rand = (n: number) => {
      x = (x * 48271) % 2147483647;
      return x % n;
    };
    for (let round = 0; round < ROUNDS; round++) {
      const versions: VersionView[] = (await s.call('GET', `${APP}/versions`)).json().items;
      const inFlight = versions.find((v) => IN_FLIGHT_STATUSES.includes(v.status));
      const init = versions.filter((v) => v.status === 'INIT').at(-1 - rand(3));
      const target = inFlight ?? init;
      if (!target) return;
      const choices: Array<[string, string, unknown]> = [
        ['submit', `${APP}/versions/${target.version}/submit`, {}],
        [
          'review',
          `${APP}/versions/${target.version}/review`,
          { decision: rand(5) === 0 ? 'reject' : 'approve', reasons: ['NAME_TOO_GENERIC'] },
        ],
        ['cancel-review', `${APP}/versions/${target.version}/cancel-review`, {}],
        ['gray', `${APP}/versions/${target.version}/gray`, { percentage: 1 + rand(100) }],
        ['gray', `${APP}/versions/${target.version}/gray`, { percentage: 1 + rand(100) }],
        ['cancel-gray', `${APP}/versions/${target.version}/cancel-gray`, {}],
        ['publish', `${APP}/versions/${target.version}/publish`, {}],
        ['rollback', `${APP}/rollback`, {}],
      ];
      const [action, url, body] = choices[rand(choices.length)]!;
      const r = await s.call('POST', url, { body });
      statuses.push(r.statusCode);
      if (r.statusCode === 200) acked.set(action, (acked.get(action) ?? 0) + 1);
    }
  }

  it('keeps every invariant, and every acknowledged call has its audit record', async () => {
    const acked = new Map<string, number>();
    const statuses: number[] = [];
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i + 1, acked, statuses)));

    expect(statuses.filter((c) => c >= 500)).toEqual([]);
    expect(statuses.every((c) => c === 200 || c === 409 || c === 422)).toBe(true);
    expect([...acked.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(20);

    const log = (await auditLog()).slice(setupAudits);
    const logged = new Map<string, number>();
    for (const a of log) logged.set(a.action, (logged.get(a.action) ?? 0) + 1);
    expect(Object.fromEntries(logged)).toEqual(Object.fromEntries(acked));

    // Replaying the audit log from the uploads reproduces the stored state, and every step met the invariants.
    const state = new Map<string, string>();
    for (const v of (await s.call('GET', `${APP}/versions`)).json().items as VersionView[])
      state.set(v.version, 'INIT');
    for (const a of log) {
      const changes = a.details?.changes ?? [{ version: a.version!, from: a.from, to: a.to }];
      for (const c of changes) {
        expect(state.get(c.version), `audit ${a.id} ${a.action}`).toBe(c.from);
        state.set(c.version, c.to!);
      }
      const statusesNow = [...state.values()];
      expect(statusesNow.filter((st) => st === 'RELEASE').length).toBeLessThanOrEqual(1);
      expect(
        statusesNow.filter((st) => (IN_FLIGHT_STATUSES as string[]).includes(st)).length,
      ).toBeLessThanOrEqual(1);
    }
    const final: VersionView[] = (await s.call('GET', `${APP}/versions`)).json().items;
    expect(Object.fromEntries(final.map((v) => [v.version, v.status]))).toEqual(Object.fromEntries(state));

    // The resolver's snapshot followed every commit: it answers what the database says.
    const live = final.find((v) => v.status === 'RELEASE');
    const gray = final.find((v) => v.status === 'GRAY');
    const answer = (await s.call('GET', '/v1/resolve?app=qinghe-books&user=admin', { token: null })).json();
    expect(answer.version ?? null).toBe(gray?.version ?? live?.version ?? null);
  });
});
