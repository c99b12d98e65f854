import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { experienceLink } from './experience-link.js';

describe('experienceLink', () => {
  it('carries the app and the version, and nothing else', () => {
    expect(experienceLink('hz-hospital', '1.1.0')).toBe(
      'minirelease://experience?app=hz-hospital&version=1.1.0',
    );
  });

  it('reads back to the same app and version whatever they contain', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (app, version) => {
        const url = new URL(experienceLink(app, version));
        expect(url.protocol).toBe('minirelease:');
        expect(url.host + url.pathname).toBe('experience');
        expect([...url.searchParams.keys()]).toEqual(['app', 'version']);
        expect(url.searchParams.get('app')).toBe(app);
        expect(url.searchParams.get('version')).toBe(version);
      }),
    );
  });
});
