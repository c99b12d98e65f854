import { DomainError } from '../errors.js';

/** Our own slug form, or a platform's numeric id (Alipay's are 16 digits). */
const APP_ID = /^(?:[a-z0-9][a-z0-9-]{2,63}|\d{3,32})$/;

export function isValidAppId(appId: string): boolean {
  return APP_ID.test(appId);
}

export function assertAppId(appId: string): string {
  if (!isValidAppId(appId)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `appId "${appId}" must be 3–64 of a-z, 0-9 and "-", starting with a letter or digit, or a numeric id`,
      { field: 'appId' },
    );
  }
  return appId;
}

/** At most this many experiencers per app, as Alipay. */
export const MAX_EXPERIENCERS = 50;
