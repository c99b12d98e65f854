import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { compareSemver } from './semver.js';
import { type AppState, IN_FLIGHT_STATUSES } from './version.js';
import { applyTransition, type Command, transition } from './version-machine.js';

const VERSIONS = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '2.0.0', '2.1.0'];
const version = fc.constantFrom(...VERSIONS);

const command: fc.Arbitrary<Command> = fc.oneof(
  version.map((v) => ({ type: 'upload', version: v }) as const),
  version.map((v) => ({ type: 'delete', version: v }) as const),
  fc
    .tuple(version, fc.boolean())
    .map(
      ([v, blocked]) => ({ type: 'submit', version: v, blockers: blocked ? ['PAGE_MISSING'] : [] }) as const,
    ),
  version.map((v) => ({ type: 'cancel-review', version: v }) as const),
  fc
    .tuple(version, fc.constantFrom('approve', 'reject') as fc.Arbitrary<'approve' | 'reject'>)
    .map(([v, decision]) => ({ type: 'review', version: v, decision }) as const),
  fc
    .tuple(version, fc.integer({ min: 1, max: 10_000 }))
    .map(([v, bp]) => ({ type: 'gray', version: v, basisPoints: bp }) as const),
  version.map((v) => ({ type: 'cancel-gray', version: v }) as const),
  version.map((v) => ({ type: 'publish', version: v }) as const),
  fc.option(version, { nil: undefined }).map((v) => ({ type: 'rollback', toVersion: v }) as const),
  fc.constant({ type: 'offline' } as const),
  fc.constant({ type: 'online' } as const),
  version.map((v) => ({ type: 'experience', version: v }) as const),
);

function checkInvariants(app: AppState): void {
  const inFlight = app.versions.filter((v) => IN_FLIGHT_STATUSES.includes(v.status));
  expect(inFlight.length).toBeLessThanOrEqual(1);
  expect(app.versions.filter((v) => v.status === 'RELEASE').length).toBeLessThanOrEqual(1);
  for (const v of app.versions) expect(v.grayBasisPoints !== null).toBe(v.status === 'GRAY');
  if (app.experienceVersion !== null)
    expect(app.versions.some((v) => v.version === app.experienceVersion)).toBe(true);
}

describe('version machine under random command sequences', () => {
  it('never breaks an invariant, and every refusal is a DomainError', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let app: AppState = {
          appId: 'qinghe-books',
          visibility: 'online',
          experienceVersion: null,
          versions: [],
        };
        const uploaded: string[] = [];
        const terminal = new Set<string>();
        for (const c of commands) {
          const before = app;
          let t: ReturnType<typeof transition>;
          try {
            t = transition(app, c);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            continue;
          }
          const hadGray = before.versions.some((v) => v.status === 'GRAY');
          if (c.type === 'rollback' || c.type === 'offline') expect(hadGray).toBe(false);
          for (const change of t.changes) {
            expect(change.from).toBe(
              before.versions.find((v) => v.version === change.version)?.status ?? null,
            );
          }
          if (c.type === 'gray') {
            const prev = before.versions.find((v) => v.version === c.version);
            if (prev?.status === 'GRAY') expect(c.basisPoints).toBeGreaterThan(prev.grayBasisPoints ?? 0);
          }
          if (c.type === 'upload') {
            // Either a new version greater than all, or the same number over one still INIT, replaced.
            const same = before.versions.find((v) => v.version === c.version);
            if (same) expect([same.status, t.changes[0]?.to]).toEqual(['INIT', 'INIT']);
            else
              for (const v of before.versions) expect(compareSemver(c.version, v.version)).toBeGreaterThan(0);
            uploaded.push(c.version);
          }
          if (c.type === 'submit') expect(c.blockers).toEqual([]);
          app = applyTransition(app, t);
          for (const v of terminal)
            expect(app.versions.find((x) => x.version === v)?.status).toBe('ROLLED_BACK');
          for (const v of app.versions) if (v.status === 'ROLLED_BACK') terminal.add(v.version);
          checkInvariants(app);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
