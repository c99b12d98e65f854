import { CATALOG, reviewReasons } from '@minirelease/checks';
import { DomainError, type ReviewReason } from '@minirelease/core';
import type { CheckTuning } from './version-service.js';

/** The rejection catalog of this platform: its own checker catalog (as tuned) and the reviewer-only codes. */
export function platformReviewReasons(tuning: CheckTuning): ReviewReason[] {
  return reviewReasons(tuning.catalog ?? CATALOG);
}

/**
 * A rejection names only codes of the catalog (DESIGN §11): the developer reads each one's label and hint in
 * the console, so a typo or a made-up code would reach them as an unexplained string.
 */
export function assertReviewReasons(tuning: CheckTuning, reasons: readonly string[]): void {
  const known = new Set(platformReviewReasons(tuning).map((r) => r.code));
  const unknown = reasons.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `unknown rejection reason ${unknown.join(', ')}: reasons come from GET /v1/review-reasons`,
      { field: 'reasons', unknown },
    );
  }
}
