/** Version statuses, named as Alipay's own enum so its users read them without translation. */
export const VERSION_STATUSES = [
  'INIT',
  'AUDITING',
  'AUDIT_REJECT',
  'WAIT_RELEASE',
  'GRAY',
  'RELEASE',
  'SUPERSEDED',
  'ROLLED_BACK',
] as const;

export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** The statuses of the one version an app may have between submit and publish. */
export const IN_FLIGHT_STATUSES: readonly VersionStatus[] = [
  'AUDITING',
  'AUDIT_REJECT',
  'WAIT_RELEASE',
  'GRAY',
];

export const APP_VISIBILITIES = ['online', 'offline'] as const;
export type AppVisibility = (typeof APP_VISIBILITIES)[number];

/** What the state machine needs of a version: its identity, status and gray share. */
export interface VersionState {
  readonly version: string;
  readonly status: VersionStatus;
  /** Whole basis points (1 = 0.01 %) while GRAY, else null. */
  readonly grayBasisPoints: number | null;
}

/** What the state machine needs of an app: every version it has, and its visibility. */
export interface AppState {
  readonly appId: string;
  readonly visibility: AppVisibility;
  readonly experienceVersion: string | null;
  readonly versions: readonly VersionState[];
}
