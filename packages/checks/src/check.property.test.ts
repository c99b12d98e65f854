import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from './catalog/catalog.js';
import { checkPackage } from './check.js';
import { rawZip } from './testing/raw-zip.js';

const SYMLINK = (0o120777 << 16) >>> 0;
const CODES = new Set<string>(FINDING_CODES);
const enc = (s: string) => new TextEncoder().encode(s);

/** A plausible app whose app.json, scripts and templates are fuzzed, zipped properly. */
const fuzzedApp = fc
  .record({
    appJson: fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.constant('{"pages":["pages/index/index"]}'),
      fc.nat({ max: 50_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
      fc
        .nat({ max: 50_000 })
        .map((depth) => `{"pages":["pages/index/index"],"x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 300 }).map((pages) => JSON.stringify({ pages })),
    ),
    script: fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        'Page({onLoad(){ my.navigateTo({url:"/pages/x/x"}); }})',
        'App({onLaunch(){ wx.getUserProfile({}) }})',
        'while(true){}',
        'import a from "./a"; export default a;',
        '((((((((((',
        `Page({ data: ${'['.repeat(5000)}${']'.repeat(5000)} })`,
      ),
    ),
    template: fc.string({ maxLength: 200 }),
    names: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
  })
  .map(({ appJson, script, template, names }) => {
    const files: Record<string, Uint8Array> = {
      'app.json': enc(appJson),
      'app.js': enc(script),
      'pages/index/index.axml': enc(template),
      'pages/index/index.js': enc(script),
    };
    for (const name of names) if (name && !name.endsWith('/')) files[name] = enc(script);
    try {
      return Buffer.from(zipSync(files));
    } catch {
      return Buffer.from(zipSync({ 'app.json': enc(appJson) }));
    }
  });

/** Archives a hostile or broken upload could be: raw entries with lying headers, links, traversal. */
const hostileEntry = fc.record({
  name: fc.oneof(
    fc.constantFrom(
      '../evil.js',
      '/etc/passwd',
      'C:\\x.js',
      'a/../../b',
      'app.json',
      'pages/index/index.js',
      '链接',
    ),
    fc.uint8Array({ maxLength: 12 }).map((b) => Buffer.from(b)),
  ),
  data: fc.string({ maxLength: 100 }),
  externalAttributes: fc.constantFrom(0, SYMLINK, 0x10),
  uncompressedSize: fc.option(fc.nat({ max: 0xffffffff }), { nil: undefined }),
  method: fc.constantFrom(0, 8, 8, 99),
});
const hostile = fc.array(hostileEntry, { maxLength: 5 }).map((entries) => rawZip(entries));

const mutated = fc
  .tuple(
    fc.oneof(fuzzedApp, hostile),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 7 })), { maxLength: 6 }),
    fc.option(fc.nat()),
  )
  .map(([archive, flips, cut]) => {
    const copy = Buffer.from(archive);
    for (const [at, bit] of flips) if (copy.length > 0) copy[at % copy.length]! ^= 1 << bit;
    return cut === null ? copy : copy.subarray(0, cut % (copy.length + 1));
  });

const archives = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 1024 }).map((b) => Buffer.from(b)), weight: 1 },
  { arbitrary: fuzzedApp, weight: 3 },
  { arbitrary: hostile, weight: 2 },
  { arbitrary: mutated, weight: 4 },
);

async function reportWithin(zip: Buffer, ms: number, sandbox: boolean) {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no report within ${ms} ms`)), ms);
  });
  return Promise.race([checkPackage(zip, { sandbox }), deadline]).finally(() => clearTimeout(timer));
}

describe('the checker on random and mutated archives', () => {
  it('answers 10,000 of them with a report of known codes, each within its limit, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(archives, async (zip) => {
        const report = await reportWithin(zip, 2000, false);
        expect(typeof report.ok).toBe('boolean');
        for (const f of report.findings) expect(CODES.has(f.code)).toBe(true);
        expect(report.ok).toBe(!report.findings.some((f) => f.severity === 'error'));
      }),
      { numRuns: 10_000 },
    );
  }, 300_000);

  it('runs the launch sandbox too on 60 of them, each ending in a report', async () => {
    await fc.assert(
      fc.asyncProperty(fuzzedApp, async (zip) => {
        const report = await reportWithin(zip, 5000, true);
        for (const f of report.findings) expect(CODES.has(f.code)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 300_000);

  it('reads a 10,000-entry archive against the entry limit without reading the entries', async () => {
    const files: Record<string, Uint8Array> = { 'app.json': enc('{"pages":["p/i"]}') };
    for (let i = 0; i < 10_000; i++) files[`f/${i}.js`] = enc('');
    const report = await reportWithin(Buffer.from(zipSync(files)), 5000, false);
    expect(report.findings.map((f) => f.code)).toEqual(['PACKAGE_INVALID']);
  });
});
