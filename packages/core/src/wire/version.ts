import type { VersionStatus } from '../version/version.js';
import type { Report } from './report.js';

export interface Materials {
  testAccount?: string;
  testPassword?: string;
  screenshots?: string[];
  recording?: string;
  notes?: string;
}

export type ReviewDecision = 'approve' | 'reject';

export interface Review {
  decision: ReviewDecision;
  reasons: string[];
  comment: string;
  reviewer: string;
  at: string;
}

export interface Version {
  appId: string;
  version: string;
  status: VersionStatus;
  sha256: string;
  size: number;
  description: string;
  grayPercentage: number | null;
  reportOk: boolean;
  /** Materials as submitted; the test password is never echoed back. */
  materials: Omit<Materials, 'testPassword'> | null;
  review: Review | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An uploaded version comes back with its pre-review report. */
export interface UploadedVersion extends Version {
  report: Report;
}

export interface ReviewQueueItem {
  appId: string;
  appName: string;
  version: string;
  description: string;
  submittedAt: string;
  submittedBy: string;
  reportOk: boolean;
  /** With the test password: reviewers log in with it. */
  materials: Materials | null;
}
