import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { AppState } from './version.js';
import { applyTransition, type Command, transition } from './version-machine.js';

const empty: AppState = {
  appId: 'qinghe-books',
  visibility: 'online',
  experienceVersion: null,
  versions: [],
};

function run(app: AppState, ...commands: Command[]): AppState {
  return commands.reduce((state, c) => applyTransition(state, transition(state, c)), app);
}

function refusal(app: AppState, command: Command): DomainError {
  try {
    transition(app, command);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error(`expected ${command.type} to be refused`);
}

const statusOf = (app: AppState, version: string) => app.versions.find((v) => v.version === version)?.status;

const toLive = (version: string): Command[] => [
  { type: 'upload', version },
  { type: 'submit', version, blockers: [] },
  { type: 'review', version, decision: 'approve' },
  { type: 'publish', version },
];

describe('version machine', () => {
  it('takes a version from upload through review and gray to publish', () => {
    let app = run(empty, { type: 'upload', version: '1.0.0' });
    expect(statusOf(app, '1.0.0')).toBe('INIT');
    app = run(app, { type: 'submit', version: '1.0.0', blockers: [] });
    expect(statusOf(app, '1.0.0')).toBe('AUDITING');
    app = run(app, { type: 'review', version: '1.0.0', decision: 'approve' });
    expect(statusOf(app, '1.0.0')).toBe('WAIT_RELEASE');
    app = run(
      app,
      { type: 'gray', version: '1.0.0', basisPoints: 1000 },
      { type: 'gray', version: '1.0.0', basisPoints: 3000 },
    );
    expect(app.versions[0]).toMatchObject({ status: 'GRAY', grayBasisPoints: 3000 });
    app = run(app, { type: 'publish', version: '1.0.0' });
    expect(app.versions[0]).toMatchObject({ status: 'RELEASE', grayBasisPoints: null });
  });

  it('a rejected version goes back to development', () => {
    const app = run(
      empty,
      { type: 'upload', version: '1.0.0' },
      { type: 'submit', version: '1.0.0', blockers: [] },
      { type: 'review', version: '1.0.0', decision: 'reject' },
    );
    expect(statusOf(app, '1.0.0')).toBe('AUDIT_REJECT');
    expect(statusOf(run(app, { type: 'cancel-review', version: '1.0.0' }), '1.0.0')).toBe('INIT');
  });

  it('publishing supersedes the live version', () => {
    const app = run(empty, ...toLive('1.0.0'), ...toLive('1.1.0'));
    expect(statusOf(app, '1.0.0')).toBe('SUPERSEDED');
    expect(statusOf(app, '1.1.0')).toBe('RELEASE');
  });

  it('refuses to publish an AUDITING version with the current status and what is allowed', () => {
    const app = run(
      empty,
      { type: 'upload', version: '1.0.0' },
      { type: 'submit', version: '1.0.0', blockers: [] },
    );
    const e = refusal(app, { type: 'publish', version: '1.0.0' });
    expect(e.code).toBe('INVALID_STATUS');
    expect(e.details).toEqual({ currentStatus: 'AUDITING', allowed: ['cancel-review', 'review'] });
    expect(e.message).toBe(
      'cannot publish qinghe-books 1.0.0: it is AUDITING; allowed: cancel-review, review',
    );
  });

  it('refuses a second version in flight', () => {
    const app = run(
      empty,
      { type: 'upload', version: '1.0.0' },
      { type: 'upload', version: '1.1.0' },
      { type: 'submit', version: '1.0.0', blockers: [] },
    );
    expect(refusal(app, { type: 'submit', version: '1.1.0', blockers: [] }).code).toBe('VERSION_IN_FLIGHT');
  });

  it('refuses to submit a version older than one that was live', () => {
    const app = run(
      empty,
      { type: 'upload', version: '1.0.0' },
      { type: 'upload', version: '1.1.0' },
      ...toLive('1.2.0'),
    );
    expect(refusal(app, { type: 'submit', version: '1.1.0', blockers: [] }).code).toBe('VERSION_NOT_GREATER');
  });

  it('refuses submit while the report has an error finding', () => {
    const app = run(empty, { type: 'upload', version: '1.0.0' });
    const e = refusal(app, { type: 'submit', version: '1.0.0', blockers: ['PAGE_MISSING'] });
    expect(e.code).toBe('PRECHECK_FAILED');
    expect(e.details).toMatchObject({ blockers: ['PAGE_MISSING'] });
  });

  it('refuses versions that are not greater, and versions that are not x.y.z', () => {
    const app = run(empty, { type: 'upload', version: '1.4.0' });
    expect(refusal(app, { type: 'upload', version: '1.3.9' }).code).toBe('VERSION_NOT_GREATER');
    expect(refusal(app, { type: 'upload', version: '1.10' }).code).toBe('VERSION_INVALID');
    expect(refusal(app, { type: 'upload', version: '1.5.0-beta' }).code).toBe('VERSION_INVALID');
    expect(refusal(app, { type: 'upload', version: '01.5.0' }).code).toBe('VERSION_INVALID');
    expect(statusOf(run(app, { type: 'upload', version: '1.10.0' }), '1.10.0')).toBe('INIT');
  });

  it('replaces 1.4.0 still INIT on the same number, and refuses it once submitted with INVALID_STATUS', () => {
    const app = run(empty, { type: 'upload', version: '1.4.0' });
    expect(transition(app, { type: 'upload', version: '1.4.0' }).changes).toEqual([
      { version: '1.4.0', from: 'INIT', to: 'INIT', grayBasisPoints: null },
    ]);
    const submitted = run(app, { type: 'submit', version: '1.4.0', blockers: [] });
    const e = refusal(submitted, { type: 'upload', version: '1.4.0' });
    expect(e.code).toBe('INVALID_STATUS');
    expect(e.details).toMatchObject({ currentStatus: 'AUDITING', allowed: ['cancel-review', 'review'] });
  });

  it('gray only widens; the same value again is refused; cancel gray allows a lower start', () => {
    let app = run(
      empty,
      { type: 'upload', version: '1.0.0' },
      { type: 'submit', version: '1.0.0', blockers: [] },
      { type: 'review', version: '1.0.0', decision: 'approve' },
      { type: 'gray', version: '1.0.0', basisPoints: 3000 },
    );
    expect(refusal(app, { type: 'gray', version: '1.0.0', basisPoints: 1000 }).code).toBe(
      'GRAY_PERCENTAGE_NOT_INCREASING',
    );
    expect(refusal(app, { type: 'gray', version: '1.0.0', basisPoints: 3000 }).code).toBe(
      'GRAY_PERCENTAGE_NOT_INCREASING',
    );
    app = run(app, { type: 'cancel-gray', version: '1.0.0' });
    expect(app.versions[0]).toMatchObject({ status: 'WAIT_RELEASE', grayBasisPoints: null });
    app = run(app, { type: 'gray', version: '1.0.0', basisPoints: 500 });
    expect(app.versions[0]?.grayBasisPoints).toBe(500);
  });

  it('refuses rollback and offline during gray', () => {
    const app = run(
      empty,
      ...toLive('1.0.0'),
      ...toLive('1.1.0'),
      { type: 'upload', version: '1.2.0' },
      { type: 'submit', version: '1.2.0', blockers: [] },
      { type: 'review', version: '1.2.0', decision: 'approve' },
      { type: 'gray', version: '1.2.0', basisPoints: 1000 },
    );
    expect(refusal(app, { type: 'rollback' }).code).toBe('GRAY_IN_PROGRESS');
    expect(refusal(app, { type: 'offline' }).code).toBe('GRAY_IN_PROGRESS');
  });

  it('rolls back to the newest SUPERSEDED version, or a named one of the last 5', () => {
    const versions = ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0', '1.6.0', '1.7.0'];
    const app = run(empty, ...versions.flatMap(toLive));
    const back = run(app, { type: 'rollback' });
    expect(statusOf(back, '1.7.0')).toBe('ROLLED_BACK');
    expect(statusOf(back, '1.6.0')).toBe('RELEASE');
    expect(statusOf(run(app, { type: 'rollback', toVersion: '1.2.0' }), '1.2.0')).toBe('RELEASE');
    const tooOld = refusal(app, { type: 'rollback', toVersion: '1.1.0' });
    expect(tooOld.code).toBe('NO_ROLLBACK_TARGET');
    expect(tooOld.details).toMatchObject({ candidates: ['1.6.0', '1.5.0', '1.4.0', '1.3.0', '1.2.0'] });
  });

  it('has no rollback target on a first release', () => {
    expect(refusal(run(empty, ...toLive('1.0.0')), { type: 'rollback' }).code).toBe('NO_ROLLBACK_TARGET');
    expect(refusal(empty, { type: 'rollback' }).code).toBe('NO_ROLLBACK_TARGET');
  });

  it('takes an app offline and online, refusing the same state twice', () => {
    const off = run(empty, { type: 'offline' });
    expect(off.visibility).toBe('offline');
    expect(refusal(off, { type: 'offline' }).details).toEqual({
      currentStatus: 'offline',
      allowed: ['online'],
    });
    expect(run(off, { type: 'online' }).visibility).toBe('online');
  });

  it('deletes only INIT versions, and forgets a deleted experience version', () => {
    let app = run(empty, { type: 'upload', version: '1.0.0' }, { type: 'experience', version: '1.0.0' });
    expect(app.experienceVersion).toBe('1.0.0');
    app = run(app, { type: 'delete', version: '1.0.0' });
    expect(app.versions).toEqual([]);
    expect(app.experienceVersion).toBeNull();
    const live = run(empty, ...toLive('1.0.0'));
    expect(refusal(live, { type: 'delete', version: '1.0.0' }).code).toBe('INVALID_STATUS');
  });

  it('answers VERSION_NOT_FOUND for a version the app does not have', () => {
    expect(refusal(empty, { type: 'publish', version: '9.9.9' }).code).toBe('VERSION_NOT_FOUND');
  });
});
