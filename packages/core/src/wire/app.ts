import type { AppRole } from '../app/roles.js';
import type { AppVisibility, VersionStatus } from '../version/version.js';
import type { GrayPlanState } from './gray-plan.js';

export interface Qualification {
  id: string;
  type: string;
  number: string;
  expiresAt: string;
  fileSha256: string | null;
  createdAt: string;
}

export interface Member {
  principal: string;
  role: AppRole;
}

export interface App {
  appId: string;
  name: string;
  brand: string;
  category: string;
  description: string;
  visibility: AppVisibility;
  revision: number;
  experienceVersion: string | null;
  liveVersion: string | null;
  grayVersion: string | null;
  grayPercentage: number | null;
  /**
   * The one version between submit and publish (in review, rejected, approved and waiting, or in gray), so a
   * list of apps says what is on its way without reading each app's versions, as the platforms' lists do.
   */
  inFlight: AppInFlight | null;
  /**
   * The open gray plan of the app (active, paused or halted), so a list of apps can badge a halted gray without
   * reading each app's health: a plan halts on the first degraded verdict, so `halted` is the degraded badge.
   */
  grayPlan: AppGrayPlan | null;
  experiencers: string[];
  qualifications: Qualification[];
  members: Member[];
  createdAt: string;
  updatedAt: string;
}

/** An app's version in flight and where it stands (one of `IN_FLIGHT_STATUSES`). */
export interface AppInFlight {
  version: string;
  status: VersionStatus;
}

/** Where an app's open gray plan stands (docs/gray-health.md, "What the console and `health` show"). */
export interface AppGrayPlan {
  version: string;
  state: Extract<GrayPlanState, 'active' | 'paused' | 'halted'>;
}
