/**
 * A gray plan: the steps a version widens through while its health allows (DESIGN §10). Steps are
 * percentages on the wire, like every gray share; the core keeps them in basis points.
 */

/**
 * `halted` waits for a person (degraded); `completed` reached its last step (and published if asked);
 * `ended` was ended by a manual gray, cancel-gray or publish, or by an automatic cancel.
 */
export type GrayPlanState = 'active' | 'paused' | 'halted' | 'completed' | 'ended';

export type OnDegraded = 'halt' | 'cancel';

export interface GrayPlanRequest {
  steps: number[];
  soakMinutes: number;
  minLaunches: number;
  badRatio?: number;
  onDegraded?: OnDegraded;
  publishAtEnd?: boolean;
}

export interface GrayPlan {
  appId: string;
  version: string;
  steps: number[];
  soakMinutes: number;
  minLaunches: number;
  badRatio: number;
  onDegraded: OnDegraded;
  publishAtEnd: boolean;
  state: GrayPlanState;
  /** Index into `steps` of the step the version is at. */
  stepIndex: number;
  stepStartedAt: string;
  /** The last decision of the ticker, in words (e.g. "waiting: 1,240 more gray launches"). */
  lastDecision?: string;
  updatedAt: string;
}
