import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawZip } from '../testing/raw-zip.js';
import { findFoldedDuplicate, foldPath } from './folded-duplicate.js';
import { readPackage } from './read-package.js';

const reason = async (entries: Parameters<typeof rawZip>[0]) => {
  const result = await readPackage(rawZip(entries));
  return result.ok ? 'accepted' : result.problem.detail.reason;
};

describe('entries that one host file system would take for one', () => {
  it('refuses names equal but for case: pages/index/index.js and pages/index/INDEX.js', async () => {
    expect(
      await reason([
        { name: 'pages/index/index.js', data: 'Page({})' },
        { name: 'pages/index/INDEX.js', data: 'evil()' },
      ]),
    ).toBe('DUPLICATE_ENTRY');
  });

  it('refuses the NFC and the NFD spelling of one name', async () => {
    expect(
      await reason([
        { name: 'pages/caf\u00e9.js', data: 'a' },
        { name: 'pages/cafe\u0301.js', data: 'b' },
      ]),
    ).toBe('DUPLICATE_ENTRY');
  });

  it('refuses a file whose name folds onto a folder of another entry', async () => {
    expect(
      await reason([
        { name: 'Lib', data: 'x' },
        { name: 'lib/a.js', data: 'y' },
      ]),
    ).toBe('DUPLICATE_ENTRY');
  });

  it('accepts names that differ after folding', async () => {
    expect(
      await reason([
        { name: 'pages/index/index.js', data: 'a' },
        { name: 'pages/index/index2.js', data: 'b' },
      ]),
    ).toBe('accepted');
  });

  it('folds ß with SS, as a case-insensitive file system does', () => {
    expect(foldPath('STRASSE.js')).toBe(foldPath('straße.js'));
  });

  it('finds a duplicate for any path and any change of its letters’ case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9/]{0,30}$/), fc.boolean(), (path, upper) => {
        const other = upper ? path.toUpperCase() : path.toLowerCase();
        fc.pre(other !== path);
        expect(findFoldedDuplicate([path, other])).toBe(other);
      }),
    );
  });
});

describe('entry paths no host file system can hold', () => {
  it('refuses a name segment of 65,000 characters', async () => {
    expect(await reason([{ name: `${'a'.repeat(65_000)}.js`, data: 'x' }])).toBe('PATH_TOO_LONG');
  });

  it('refuses a segment over 255 bytes, counted in UTF-8 (86 Chinese characters)', async () => {
    expect(await reason([{ name: `${'页'.repeat(86)}`, data: 'x' }])).toBe('PATH_TOO_LONG');
    expect(await reason([{ name: `${'页'.repeat(85)}`, data: 'x' }])).toBe('accepted');
  });

  it('refuses a path over 1,024 bytes and one 2,000 levels deep; 64 levels pass', async () => {
    expect(await reason([{ name: `${'abcdefghi/'.repeat(103)}x.js`, data: 'x' }])).toBe('PATH_TOO_LONG');
    expect(await reason([{ name: `${'a/'.repeat(2000)}x.js`, data: 'x' }])).toBe('PATH_TOO_LONG');
    expect(await reason([{ name: `${'a/'.repeat(63)}x.js`, data: 'x' }])).toBe('accepted');
    expect(await reason([{ name: `${'a/'.repeat(64)}x.js`, data: 'x' }])).toBe('PATH_TOO_LONG');
  });
});
