import { DomainError } from '../errors.js';
import { type Action, allowedActions, VERSION_TRANSITIONS, type VersionAction } from './actions.js';
import { inFlightHint } from './in-flight-hint.js';
import { assertSemver, compareSemver } from './semver.js';
import {
  type AppState,
  type AppVisibility,
  IN_FLIGHT_STATUSES,
  type VersionState,
  type VersionStatus,
} from './version.js';

const RELEASED_STATUSES: readonly VersionStatus[] = ['RELEASE', 'SUPERSEDED', 'ROLLED_BACK'];

/** How many of the newest SUPERSEDED versions a named rollback may go back to. */
export const ROLLBACK_DEPTH = 5;

export type Command =
  | { readonly type: 'upload'; readonly version: string }
  | { readonly type: 'delete'; readonly version: string }
  | { readonly type: 'submit'; readonly version: string; readonly blockers: readonly string[] }
  | { readonly type: 'cancel-review'; readonly version: string }
  | { readonly type: 'review'; readonly version: string; readonly decision: 'approve' | 'reject' }
  | { readonly type: 'gray'; readonly version: string; readonly basisPoints: number }
  | { readonly type: 'cancel-gray'; readonly version: string }
  | { readonly type: 'publish'; readonly version: string }
  | { readonly type: 'rollback'; readonly toVersion?: string | undefined }
  | { readonly type: 'offline' }
  | { readonly type: 'online' }
  | { readonly type: 'experience'; readonly version: string }
  | { readonly type: 'edit'; readonly version: string };

/** One version's move; `from: null` is a new version, `to: null` a deleted one. */
export interface VersionChange {
  readonly version: string;
  readonly from: VersionStatus | null;
  readonly to: VersionStatus | null;
  readonly grayBasisPoints: number | null;
}

/** Everything a command changes; the service persists it in one transaction. The first change is the main one. */
export interface Transition {
  readonly action: Action;
  readonly changes: readonly VersionChange[];
  readonly visibility?: { readonly from: AppVisibility; readonly to: AppVisibility };
  readonly experienceVersion?: { readonly from: string | null; readonly to: string | null };
}

/** The pure heart of the pipeline: given an app and a command, what changes — or why not. Throws DomainError. */
export function transition(app: AppState, command: Command): Transition {
  switch (command.type) {
    case 'upload':
      return upload(app, command.version);
    case 'rollback':
      return rollback(app, command.toVersion);
    case 'offline':
    case 'online':
      return setVisibility(app, command.type);
    default:
      return versionCommand(app, command);
  }
}

/** Applies a transition to the state, as storage will; used by tests and by in-memory models. */
export function applyTransition(app: AppState, t: Transition): AppState {
  let versions = [...app.versions];
  for (const c of t.changes) {
    versions = versions.filter((v) => v.version !== c.version);
    if (c.to !== null)
      versions.push({ version: c.version, status: c.to, grayBasisPoints: c.grayBasisPoints });
  }
  let experienceVersion = t.experienceVersion ? t.experienceVersion.to : app.experienceVersion;
  if (experienceVersion !== null && !versions.some((v) => v.version === experienceVersion))
    experienceVersion = null;
  return { ...app, visibility: t.visibility?.to ?? app.visibility, experienceVersion, versions };
}

function upload(app: AppState, version: string): Transition {
  assertSemver(version);
  // As miniprogram-ci overwrites the development version: the same number over a version still INIT replaces
  // its package and report (docs/upload.md). Past INIT, what a reviewer saw must stay what it is.
  const same = app.versions.find((v) => v.version === version);
  if (same?.status === 'INIT') {
    return { action: 'upload', changes: [{ version, from: 'INIT', to: 'INIT', grayBasisPoints: null }] };
  }
  if (same) {
    throw new DomainError(
      'INVALID_STATUS',
      `cannot upload ${version} again: it is ${same.status}, and only a version still INIT is replaced; upload a greater version`,
      { version, currentStatus: same.status, allowed: allowedActions(same.status) },
    );
  }
  const newest = app.versions.reduce<string | null>(
    (max, v) => (max === null || compareSemver(v.version, max) > 0 ? v.version : max),
    null,
  );
  if (newest !== null && compareSemver(version, newest) <= 0) {
    throw new DomainError(
      'VERSION_NOT_GREATER',
      `cannot upload ${version}: a new version must be greater than ${newest}, the newest of ${app.appId}`,
      { version, newest },
    );
  }
  return { action: 'upload', changes: [{ version, from: null, to: 'INIT', grayBasisPoints: null }] };
}

function versionCommand(
  app: AppState,
  command: Exclude<Command, { type: 'upload' | 'rollback' | 'offline' | 'online' }>,
): Transition {
  const current = findVersion(app, command.version);
  assertActionAllowed(app.appId, current, command.type);
  switch (command.type) {
    case 'edit':
      return { action: 'edit', changes: [] };
    case 'submit':
      return submit(app, current, command.blockers);
    case 'review': {
      const to = command.decision === 'approve' ? 'WAIT_RELEASE' : 'AUDIT_REJECT';
      return move('review', current, to);
    }
    case 'gray':
      return gray(current, command.basisPoints);
    case 'publish':
      return publish(app, current);
    case 'experience':
      return {
        action: 'experience',
        changes: [],
        experienceVersion: { from: app.experienceVersion, to: current.version },
      };
    case 'delete':
    case 'cancel-review':
    case 'cancel-gray': {
      const to = VERSION_TRANSITIONS[command.type].to;
      const t = move(command.type, current, to);
      // A deleted version can no longer be experienced.
      if (command.type === 'delete' && app.experienceVersion === current.version) {
        return { ...t, experienceVersion: { from: current.version, to: null } };
      }
      return t;
    }
  }
}

function submit(app: AppState, current: VersionState, blockers: readonly string[]): Transition {
  const inFlight = app.versions.find(
    (v) => v.version !== current.version && IN_FLIGHT_STATUSES.includes(v.status),
  );
  if (inFlight) {
    throw new DomainError(
      'VERSION_IN_FLIGHT',
      `cannot submit ${current.version}: ${inFlight.version} is ${inFlight.status}; ${inFlightHint(inFlight.version, inFlight.status)}`,
      { version: current.version, inFlight: inFlight.version, inFlightStatus: inFlight.status },
    );
  }
  // A submitted version must go forward from everything that was ever live: going back is what rollback is for.
  const released = app.versions.filter((v) => RELEASED_STATUSES.includes(v.status));
  const newestReleased = released.find((v) =>
    released.every((w) => compareSemver(v.version, w.version) >= 0),
  );
  if (newestReleased && compareSemver(current.version, newestReleased.version) <= 0) {
    throw new DomainError(
      'VERSION_NOT_GREATER',
      `cannot submit ${current.version}: ${newestReleased.version} has been live already; upload a greater version (or roll back)`,
      { version: current.version, newest: newestReleased.version },
    );
  }
  if (blockers.length > 0) {
    throw new DomainError(
      'PRECHECK_FAILED',
      `cannot submit ${current.version}: ${blockers.length} pre-review finding(s) must be fixed first: ${blockers.join(', ')}`,
      { version: current.version, blockers },
    );
  }
  return move('submit', current, 'AUDITING');
}

function gray(current: VersionState, basisPoints: number): Transition {
  assertBasisPoints(basisPoints);
  if (
    current.status === 'GRAY' &&
    current.grayBasisPoints !== null &&
    basisPoints <= current.grayBasisPoints
  ) {
    throw new DomainError(
      'GRAY_PERCENTAGE_NOT_INCREASING',
      `cannot gray ${current.version} at ${basisPoints / 100}%: it is already at ${current.grayBasisPoints / 100}%, and gray only widens (cancel gray to start lower)`,
      { version: current.version, current: current.grayBasisPoints / 100, requested: basisPoints / 100 },
    );
  }
  return {
    action: 'gray',
    changes: [{ version: current.version, from: current.status, to: 'GRAY', grayBasisPoints: basisPoints }],
  };
}

function publish(app: AppState, current: VersionState): Transition {
  const live = app.versions.find((v) => v.status === 'RELEASE');
  const changes: VersionChange[] = [
    { version: current.version, from: current.status, to: 'RELEASE', grayBasisPoints: null },
  ];
  if (live) changes.push({ version: live.version, from: 'RELEASE', to: 'SUPERSEDED', grayBasisPoints: null });
  return { action: 'publish', changes };
}

function rollback(app: AppState, toVersion: string | undefined): Transition {
  assertNoGray(app, 'roll back');
  const live = app.versions.find((v) => v.status === 'RELEASE');
  const candidates = app.versions
    .filter((v) => v.status === 'SUPERSEDED')
    .sort((a, b) => compareSemver(b.version, a.version))
    .slice(0, ROLLBACK_DEPTH);
  if (!live) {
    throw new DomainError('NO_ROLLBACK_TARGET', `cannot roll back ${app.appId}: no version is live`, {
      candidates: [],
    });
  }
  const target = toVersion === undefined ? candidates[0] : candidates.find((v) => v.version === toVersion);
  if (!target) {
    const names = candidates.map((v) => v.version);
    const what =
      toVersion === undefined ? 'no earlier live version exists' : `${toVersion} is not one of them`;
    throw new DomainError(
      'NO_ROLLBACK_TARGET',
      `cannot roll back ${app.appId}: ${what}; rollback targets: ${names.join(', ') || 'none'}`,
      { requested: toVersion ?? null, candidates: names },
    );
  }
  return {
    action: 'rollback',
    changes: [
      { version: live.version, from: 'RELEASE', to: 'ROLLED_BACK', grayBasisPoints: null },
      { version: target.version, from: 'SUPERSEDED', to: 'RELEASE', grayBasisPoints: null },
    ],
  };
}

function setVisibility(app: AppState, to: AppVisibility): Transition {
  if (app.visibility === to) {
    throw new DomainError('INVALID_STATUS', `cannot take ${app.appId} ${to}: it is already ${to}`, {
      currentStatus: app.visibility,
      allowed: [to === 'online' ? 'offline' : 'online'],
    });
  }
  if (to === 'offline') assertNoGray(app, 'take offline');
  return { action: to, changes: [], visibility: { from: app.visibility, to } };
}

function assertNoGray(app: AppState, what: string): void {
  const gray = app.versions.find((v) => v.status === 'GRAY');
  if (gray) {
    throw new DomainError(
      'GRAY_IN_PROGRESS',
      `cannot ${what} ${app.appId}: ${gray.version} is in gray at ${(gray.grayBasisPoints ?? 0) / 100}%; publish or cancel gray first`,
      { grayVersion: gray.version },
    );
  }
}

function move(action: Action, current: VersionState, to: VersionStatus | null): Transition {
  return { action, changes: [{ version: current.version, from: current.status, to, grayBasisPoints: null }] };
}

function findVersion(app: AppState, version: string): VersionState {
  assertSemver(version);
  const found = app.versions.find((v) => v.version === version);
  if (!found) {
    throw new DomainError('VERSION_NOT_FOUND', `${app.appId} has no version ${version}`, { version });
  }
  return found;
}

/**
 * Refuses an action the transition table does not allow from the version's status, with what is allowed
 * instead: `INVALID_STATUS {currentStatus, allowed}`. Services that change a version outside `transition()`
 * (release notes) ask it too, so the table stays the one place the rule is written.
 */
export function assertActionAllowed(appId: string, current: VersionState, action: VersionAction): void {
  if ((VERSION_TRANSITIONS[action].from as readonly VersionStatus[]).includes(current.status)) return;
  const allowed = allowedActions(current.status);
  throw new DomainError(
    'INVALID_STATUS',
    `cannot ${action} ${appId} ${current.version}: it is ${current.status}; allowed: ${allowed.join(', ') || 'nothing'}`,
    { currentStatus: current.status, allowed },
  );
}

function assertBasisPoints(bp: number): void {
  if (!Number.isInteger(bp) || bp < 1 || bp > 10_000) {
    throw new DomainError('VALIDATION_FAILED', `gray share must be 1..10000 basis points, got ${bp}`, {
      field: 'percentage',
    });
  }
}
