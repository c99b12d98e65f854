import type { LocalizedText } from './report.js';

/**
 * One reason a reviewer may give for a rejection: a checker code (a finding a person confirms) or a
 * reviewer-only code (what only a person using the mini-program sees, e.g. a main flow that fails).
 */
export interface ReviewReason {
  code: string;
  source: 'checker' | 'reviewer';
  /** A short label for pickers and for the developer reading the result; no placeholders. */
  label: LocalizedText;
  hint: LocalizedText;
}

/** `GET /v1/review-reasons`: the only codes `POST …/review` takes with `decision: reject`. */
export interface ReviewReasons {
  reasons: ReviewReason[];
}
