import { describe, expect, it } from 'vitest';
import { absolutePackageUrl } from './package-url.js';

describe('absolutePackageUrl', () => {
  it('puts the resolver’s path after baseUrl, keeping a path prefix', () => {
    expect(absolutePackageUrl('https://r.example.com', '/v1/packages/ab')).toBe(
      'https://r.example.com/v1/packages/ab',
    );
    expect(absolutePackageUrl('https://example.com/release/', '/v1/packages/ab')).toBe(
      'https://example.com/release/v1/packages/ab',
    );
  });

  it('keeps a URL with a scheme or a host (a CDN) as it is', () => {
    expect(absolutePackageUrl('https://r.example.com', 'https://cdn.example.com/p/ab')).toBe(
      'https://cdn.example.com/p/ab',
    );
    expect(absolutePackageUrl('https://r.example.com', '//cdn.example.com/p/ab')).toBe(
      'https://cdn.example.com/p/ab',
    );
  });
});
