import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeEntryName, normalizeEntryPath, printableName } from './entry-name.js';

const raw = (bytes: Buffer, flags = 0, extraFields: { id: number; data: Buffer }[] = []) => ({
  generalPurposeBitFlag: flags,
  fileNameRaw: bytes,
  extraFields,
});

describe('decodeEntryName', () => {
  it('reads a flagged UTF-8 name', () => {
    expect(decodeEntryName(raw(Buffer.from('页面/首页.js'), 0x800))).toBe('页面/首页.js');
  });

  it('refuses a name flagged UTF-8 whose bytes are not', () => {
    expect(decodeEntryName(raw(Buffer.from([0x61, 0xff, 0xfe]), 0x800))).toBeUndefined();
  });

  it('takes unflagged valid UTF-8 as UTF-8, as macOS and Info-ZIP write it', () => {
    expect(decodeEntryName(raw(Buffer.from('书/目录.js')))).toBe('书/目录.js');
  });

  it('falls back to CP437 for other unflagged bytes (GBK 书 here)', () => {
    expect(decodeEntryName(raw(Buffer.from([0xca, 0xe9, 0x2e, 0x6a, 0x73])))).toBe('╩Θ.js');
  });

  it('prefers an Info-ZIP Unicode Path field whose CRC matches the header name', () => {
    const header = Buffer.from([0xca, 0xe9]);
    const field = (crc: number) => {
      const data = Buffer.alloc(5);
      data[0] = 1;
      data.writeUInt32LE(crc, 1);
      return { id: 0x7075, data: Buffer.concat([data, Buffer.from('书')]) };
    };
    expect(decodeEntryName(raw(header, 0, [field(crc32(header))]))).toBe('书');
    expect(decodeEntryName(raw(header, 0, [field((crc32(header) ^ 1) >>> 0)]))).toBe('╩Θ');
  });
});

describe('normalizeEntryPath', () => {
  it.each([
    ['pages/index/index.js', 'pages/index/index.js'],
    ['./pages//index/./index.js', 'pages/index/index.js'],
    ['pages\\index\\index.js', 'pages/index/index.js'],
    ['书/目录.axml', '书/目录.axml'],
    ['a..b/c..', 'a..b/c..'],
  ])('%s becomes %s', (name, path) => {
    expect(normalizeEntryPath(name)).toEqual({ ok: true, path, directory: false });
  });

  it('marks directories by their trailing separator', () => {
    expect(normalizeEntryPath('pages/')).toEqual({ ok: true, path: 'pages', directory: true });
    expect(normalizeEntryPath('pages\\')).toEqual({ ok: true, path: 'pages', directory: true });
  });

  it.each([
    '../evil.js',
    'pages/../../evil.js',
    'pages\\..\\..\\evil.js',
    '/etc/passwd',
    '\\\\server\\share\\x.js',
    'C:\\Windows\\x.js',
    'c:/x.js',
    'C:x.js',
    './C:/x.js',
    'pages/index.js:stream',
    'pages/.. /x.js',
    'pages/.../x.js',
  ])('refuses %s as unsafe', (name) => {
    expect(normalizeEntryPath(name)).toEqual({ ok: false, reason: 'UNSAFE_PATH' });
  });

  it.each(['', '.', 'a\u0000b.js', 'a\nb.js'])('refuses %j as a bad name', (name) => {
    expect(normalizeEntryPath(name)).toEqual({ ok: false, reason: 'BAD_NAME' });
  });
});

describe('printableName', () => {
  it('escapes control characters and caps the length', () => {
    expect(printableName('a\u0000b')).toBe('a\\x00b');
    expect(printableName('x'.repeat(300))).toHaveLength(201);
  });
});
