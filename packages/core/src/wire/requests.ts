/** Request bodies and inputs of the API (DESIGN §5), beside the answers. */
import type { AppRole, PlatformRole } from '../app/roles.js';
import type { ReviewDecision } from './version.js';

export interface CreateTokenRequest {
  principal: string;
  roles: PlatformRole[];
  label?: string;
  /** ISO time, in the future; absent: the token never expires. */
  expiresAt?: string;
}

export interface CreateAppRequest {
  appId: string;
  name: string;
  brand: string;
  /** A catalog id or its Chinese name (`医院`); an unknown one is a report finding, not a refusal. */
  category: string;
  description?: string;
}

export type UpdateAppRequest = Partial<Pick<CreateAppRequest, 'name' | 'brand' | 'category' | 'description'>>;

export interface MemberRequest {
  role: AppRole;
}

export interface QualificationRequest {
  type: string;
  number: string;
  /** `YYYY-MM-DD` or a full ISO-8601 time. */
  expiresAt: string;
}

export interface ReviewRequest {
  decision: ReviewDecision;
  /** Finding or rejection codes. */
  reasons: string[];
  comment: string;
}

/** A number in (0, 100] with at most two decimals, or Alipay's named steps. */
export type GrayPercentage = number | 'p10' | 'p30' | 'p50';

export interface RollbackRequest {
  /** One of the last few live versions; the newest SUPERSEDED one when left out. */
  toVersion?: string;
}

export interface BatchResolveRequestItem {
  app: string;
  user: string;
  channel?: 'experience';
}
