import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, resolveLimits, resolvePackageLimits } from './limits.js';

describe('limits', () => {
  it('are Alipay’s by default: 2 MB main package, 8 MB in all, 8 MB uploads', () => {
    expect(DEFAULT_LIMITS).toMatchObject({
      mainPackageBytes: 2 * 1024 * 1024,
      totalPackageBytes: 8 * 1024 * 1024,
      totalUploadBytes: 8 * 1024 * 1024,
    });
  });

  it('take overrides, and never let an undefined switch a limit off', () => {
    expect(resolveLimits({ mainPackageBytes: 10, maxEntries: undefined })).toMatchObject({
      mainPackageBytes: 10,
      maxEntries: DEFAULT_LIMITS.maxEntries,
    });
    expect(resolvePackageLimits({ maxTotalBytes: undefined }).maxTotalBytes).toBe(
      DEFAULT_LIMITS.maxTotalBytes,
    );
  });
});
