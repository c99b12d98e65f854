import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rawZip, SYMLINK_ATTRIBUTES } from '../testing/raw-zip.js';
import { normalizeEntryPath } from './entry-name.js';
import type { ReadResult } from './package-files.js';
import type { PackageProblemReason } from './package-problem.js';
import { readPackage } from './read-package.js';

const zip = (files: Record<string, string | Uint8Array>) =>
  Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v) : v]),
      ),
    ),
  );

const text = (result: ReadResult, path: string) =>
  result.ok ? result.files.get(path)?.toString() : undefined;

async function refusal(archive: Buffer, limits = {}): Promise<PackageProblemReason | 'accepted'> {
  const result = await readPackage(archive, limits);
  if (result.ok) return 'accepted';
  expect(result.problem.code).toBe('PACKAGE_INVALID');
  expect(result.problem.message.zh).not.toBe('');
  return result.problem.detail.reason;
}

describe('readPackage accepts', () => {
  it('a plain package, dropping directory entries', async () => {
    const result = await readPackage(
      zip({ 'app.json': '{}', 'pages/': new Uint8Array(), 'pages/index/index.js': 'Page({})' }),
    );
    expect(result.ok && [...result.files.keys()]).toEqual(['app.json', 'pages/index/index.js']);
    expect(result.ok && result.totalSize).toBe(10);
    expect(text(result, 'pages/index/index.js')).toBe('Page({})');
  });

  it('a zipped project folder, stripping the folder that holds app.json (and macOS metadata)', async () => {
    const archive = zip({
      'books/app.json': '{}',
      'books/pages/a.js': 'x',
      '__MACOSX/books/._app.json': 'meta',
    });
    const result = await readPackage(archive);
    expect(result.ok && [...result.files.keys()]).toEqual(['app.json', 'pages/a.js']);
  });

  it('a single top folder without app.json, left as it is', async () => {
    const result = await readPackage(zip({ 'src/index.js': 'x', 'src/lib/a.js': 'y' }));
    expect(result.ok && [...result.files.keys()]).toEqual(['src/index.js', 'src/lib/a.js']);
  });

  it('Chinese names and backslash separators', async () => {
    const result = await readPackage(
      rawZip([
        { name: '页面\\首页.js', data: '首页' },
        { name: 'app.json', data: '{}' },
      ]),
    );
    expect(text(result, '页面/首页.js')).toBe('首页');
  });

  it('names in a legacy code page, decoded without crashing', async () => {
    const result = await readPackage(
      rawZip([{ name: Buffer.from([0xca, 0xe9, 0x2e, 0x6a, 0x73]), data: 'x' }]),
    );
    expect(result.ok && [...result.files.keys()]).toEqual(['╩Θ.js']);
  });

  it('an empty archive (the rules then report the missing app.json)', async () => {
    const result = await readPackage(zip({}));
    expect(result.ok && result.files.size).toBe(0);
  });
});

describe('readPackage refuses', () => {
  it.each<[string, Buffer, PackageProblemReason]>([
    ['text', Buffer.from('not a zip at all'), 'NOT_A_ZIP'],
    ['nothing', Buffer.alloc(0), 'NOT_A_ZIP'],
    ['a truncated archive', zip({ 'app.json': '{}' }).subarray(0, 40), 'NOT_A_ZIP'],
    ['a .. segment', zip({ '../evil.js': 'x' }), 'UNSAFE_PATH'],
    ['a nested .. segment', zip({ 'pages/../../evil.js': 'x' }), 'UNSAFE_PATH'],
    ['a backslashed .. segment', rawZip([{ name: 'pages\\..\\..\\evil.js', data: 'x' }]), 'UNSAFE_PATH'],
    ['an absolute path', rawZip([{ name: '/etc/cron.d/x', data: 'x' }]), 'UNSAFE_PATH'],
    ['a drive letter', rawZip([{ name: 'C:\\Windows\\x.js', data: 'x' }]), 'UNSAFE_PATH'],
    ['a UNC path', rawZip([{ name: '\\\\server\\share\\x.js', data: 'x' }]), 'UNSAFE_PATH'],
    ['a NUL in a name', rawZip([{ name: 'a\u0000.js', data: 'x' }]), 'BAD_NAME'],
    [
      'a name flagged UTF-8 that is not',
      rawZip([{ name: Buffer.from([0x61, 0xff]), flags: 0x800 }]),
      'BAD_NAME',
    ],
    ['a symlink', rawZip([{ name: 'lib', data: '/etc', externalAttributes: SYMLINK_ATTRIBUTES }]), 'SYMLINK'],
    ['an encrypted entry', rawZip([{ name: 'app.js', data: 'x', flags: 0x1 }]), 'ENCRYPTED'],
    ['bzip2 compression', rawZip([{ name: 'app.js', data: 'x', method: 12 }]), 'UNSUPPORTED_COMPRESSION'],
    ['a duplicate name', rawZip([{ name: 'a.js' }, { name: 'a.js' }]), 'DUPLICATE_ENTRY'],
    ['a duplicate after normalizing', rawZip([{ name: 'p/a.js' }, { name: './p\\a.js' }]), 'DUPLICATE_ENTRY'],
    [
      'a file that is also a folder',
      rawZip([
        { name: 'a', data: 'x' },
        { name: 'a/b.js', data: 'y' },
      ]),
      'DUPLICATE_ENTRY',
    ],
    ['a wrong CRC', rawZip([{ name: 'a.js', data: 'hello', crc: 1 }]), 'CORRUPT_ENTRY'],
    [
      'data that does not inflate',
      rawZip([{ name: 'a.js', data: 'x', body: Buffer.from([0xff, 0xff]) }]),
      'CORRUPT_ENTRY',
    ],
  ])('%s', async (_name, archive, reason) => {
    expect(await refusal(archive)).toBe(reason);
  });

  it('a symlink made by a zip library (fflate, Unix attributes)', async () => {
    const archive = Buffer.from(
      zipSync({ lib: [Buffer.from('../../etc'), { os: 3, attrs: SYMLINK_ATTRIBUTES }] }),
    );
    expect(await refusal(archive)).toBe('SYMLINK');
  });

  it('more entries than the limit, before reading them', async () => {
    expect(await refusal(zip({ a: 'a', b: 'b', c: 'c', d: 'd' }), { maxEntries: 3 })).toBe(
      'TOO_MANY_ENTRIES',
    );
  });

  it('an entry over the entry limit, and files over the total limit', async () => {
    expect(await refusal(zip({ 'a.js': 'x'.repeat(11) }), { maxEntryBytes: 10 })).toBe('ENTRY_TOO_LARGE');
    expect(
      await refusal(zip({ 'a.js': 'x'.repeat(10), 'b.js': 'y'.repeat(10) }), { maxTotalBytes: 15 }),
    ).toBe('TOTAL_TOO_LARGE');
  });

  it('a header that understates the size', async () => {
    const archive = rawZip([{ name: 'a.js', data: 'x'.repeat(5000), uncompressedSize: 10 }]);
    expect(await refusal(archive, { maxEntryBytes: 100 })).toMatch(/CORRUPT_ENTRY|ENTRY_TOO_LARGE/);
  });
});

describe('readPackage on random and mutated archives (property)', () => {
  const limits = { maxEntries: 50, maxEntryBytes: 64 * 1024, maxTotalBytes: 256 * 1024 };
  const base = [
    zip({
      'app.json': '{"pages":["pages/index/index"]}',
      'pages/index/index.axml': '<view>书</view>',
      'pages/index/index.js': 'Page({})',
    }),
    zip({ 'proj/app.json': '{}', 'proj/a/b/c.js': 'x'.repeat(3000), '__MACOSX/x': 'm' }),
    rawZip([
      { name: '页面.js', data: 'y'.repeat(500) },
      { name: 'stored.txt', data: 'plain', method: 0 },
    ]),
  ];
  const segment = fc.oneof(
    fc.constantFrom('..', '.', '', 'C:', '\\', '/', '__MACOSX', 'pages', '书', '.. ', '\u0000'),
    fc.string({ maxLength: 8 }),
  );
  const name = fc.oneof(
    fc
      .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.constantFrom('/', '\\'))
      .map(([parts, separator]) => parts.join(separator)),
    fc.uint8Array({ maxLength: 16 }).map((bytes) => Buffer.from(bytes)),
  );
  // One field in six breaks a rule; most entries stay plausible, so the reader gets past the first one.
  const rarely = <T>(value: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: value, weight: 1 });
  const entry = fc.record({
    name,
    data: fc.oneof({ arbitrary: fc.string({ maxLength: 200 }), weight: 5 }, fc.constant('0'.repeat(100_000))),
    method: rarely(fc.constantFrom(0, 12, 99)),
    flags: rarely(fc.constantFrom(0x800, 0x1, 0x8, 0x40, 0xffff)),
    externalAttributes: rarely(fc.constantFrom(0x10, SYMLINK_ATTRIBUTES, (0o100644 << 16) >>> 0)),
    uncompressedSize: rarely(fc.nat({ max: 0xffffffff })),
    crc: rarely(fc.nat({ max: 0xffffffff })),
  });
  const built = fc.array(entry, { maxLength: 6 }).map((entries) => rawZip(entries));
  const flips = fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { maxLength: 4 });
  const mutated = fc
    .tuple(fc.oneof(fc.constantFrom(...base), built), flips, fc.option(fc.nat(), { freq: 2 }))
    .map(([archive, flipped, cut]) => {
      const copy = Buffer.from(archive);
      for (const [at, bit] of flipped) if (copy.length > 0) copy[at % copy.length]! ^= 1 << bit;
      return cut === null ? copy : copy.subarray(0, cut % (copy.length + 1));
    });
  const archives = fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)), weight: 1 },
    { arbitrary: built, weight: 3 },
    { arbitrary: mutated, weight: 2 },
  );

  it('always answers with a value within a second, and only safe paths when it accepts', async () => {
    await fc.assert(
      fc.asyncProperty(archives, async (archive) => {
        const result = await withDeadline(readPackage(archive, limits), 1000);
        if (!result.ok) {
          expect(result.problem.code).toBe('PACKAGE_INVALID');
          return;
        }
        let total = 0;
        for (const [path, data] of result.files) {
          expect(normalizeEntryPath(path)).toEqual({ ok: true, path, directory: false });
          total += data.length;
        }
        expect(total).toBeLessThanOrEqual(limits.maxTotalBytes);
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`readPackage did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
