import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from '../config/limits.js';
import { rawZip } from '../testing/raw-zip.js';
import { readPackage } from './read-package.js';

async function refusal(archive: Buffer, limits: Partial<PackageLimits> = {}): Promise<string> {
  const result = await readPackage(archive, limits);
  return result.ok ? 'accepted' : result.problem.detail.reason;
}

describe('zip bombs', () => {
  const zeros = (bytes: number) => Buffer.alloc(bytes);

  it('an honest header over the limits is refused without inflating', async () => {
    const archive = rawZip([{ name: 'bomb.js', data: zeros(DEFAULT_PACKAGE_LIMITS.maxTotalBytes + 1) }]);
    expect(archive.length).toBeLessThan(100_000);
    expect(await refusal(archive)).toBe('ENTRY_TOO_LARGE');
  });

  it('a header that claims a small size is stopped while inflating', async () => {
    const archive = rawZip([{ name: 'bomb.js', data: zeros(20 * 1024 * 1024), uncompressedSize: 1000 }]);
    expect(await refusal(archive)).toMatch(/CORRUPT_ENTRY|ENTRY_TOO_LARGE|COMPRESSION_RATIO/);
  });

  it('entries each under the entry limit but with a bomb ratio are refused', async () => {
    const entries = [1, 2, 3, 4, 5].map((i) => ({ name: `part${i}.js`, data: zeros(15 * 1024 * 1024) }));
    expect(await refusal(rawZip(entries))).toBe('COMPRESSION_RATIO');
  });

  it('many entries that together inflate over the total limit are refused', async () => {
    const entries = [1, 2, 3, 4].map((i) => ({ name: `part${i}.js`, data: zeros(2000) }));
    expect(await refusal(rawZip(entries), { maxTotalBytes: 7000 })).toBe('TOTAL_TOO_LARGE');
  });

  it('a compression ratio over the limit on a large entry is refused, a small one is not', async () => {
    const limits = { maxCompressionRatio: 10, compressionRatioMinBytes: 10_000 };
    expect(await refusal(rawZip([{ name: 'a.js', data: zeros(100_000) }]), limits)).toBe('COMPRESSION_RATIO');
    expect(await refusal(rawZip([{ name: 'a.js', data: zeros(9_000) }]), limits)).toBe('accepted');
  });
});
