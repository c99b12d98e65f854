import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../app/category-catalog.js';
import { CATALOG } from '../catalog/catalog.js';
import { checkSubmission } from '../check.js';
import { ALL_RULES } from '../rules/all-rules.js';
import { loadCheckConfig, parseCheckConfig } from './check-config.js';
import { CheckConfigError } from './check-config-error.js';
import { DEFAULT_LIMITS } from './limits.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minirelease-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function load(content: unknown) {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return loadCheckConfig(path);
}

const app = { name: '青禾 读书', brand: '青禾', category: '彩票', qualifications: [] };

describe('loadCheckConfig', () => {
  it('gives the defaults for an empty config', async () => {
    const config = await load({});
    expect(config).toEqual({
      catalog: CATALOG,
      rules: ALL_RULES,
      words: {},
      categories: DEFAULT_CATEGORIES,
      limits: {},
    });
  });

  it('retunes severities in the catalog and drops the findings of codes turned off', async () => {
    const config = await load({ severities: { NAME_INVALID_CHARS: 'warning', CATEGORY_UNKNOWN: 'off' } });
    expect(config.catalog.NAME_INVALID_CHARS.severity).toBe('warning');
    expect(config.rules.some((r) => r.codes.includes('CATEGORY_UNKNOWN'))).toBe(false);
    const report = await checkSubmission({ ...config, input: { app } });
    expect(report.findings.map((f) => [f.code, f.severity])).toEqual([['NAME_INVALID_CHARS', 'warning']]);
    expect(report.ok).toBe(true);
  });

  it('replaces word lists and takes app limits under limits or words, package limits under limits', async () => {
    const config = await load({
      words: { platform: ['抖音'], nameMaxChars: 20 },
      limits: { mainPackageBytes: 4194304, screenshotsMax: 9 },
    });
    expect(config.words).toEqual({ platform: ['抖音'], nameMaxChars: 20, screenshotsMax: 9 });
    expect(config.limits).toEqual({ mainPackageBytes: 4194304 });
  });

  it('adds extra categories to the default ones, or replaces them all', async () => {
    const lottery = { id: 'lottery', name: '彩票', en: 'Lottery', qualifications: ['lottery-license'] };
    const type = { id: 'lottery-license', name: '彩票销售许可', en: 'Lottery sales license' };
    const extra = await load({ extraCategories: { categories: [lottery], qualificationTypes: [type] } });
    expect(extra.categories.categories).toHaveLength(DEFAULT_CATEGORIES.categories.length + 1);
    const report = await checkSubmission({ ...extra, input: { app: { ...app, name: '青禾读书' } } });
    expect(report.findings.map((f) => f.message.zh)).toEqual(['类目“彩票”需要的资质缺失：彩票销售许可']);
    const replaced = await load({ categories: { categories: [lottery], qualificationTypes: [type] } });
    expect(replaced.categories.categories).toEqual([lottery]);
  });

  it.each([
    [{ severites: {} }, 'severites is not a known key; allowed: $schema, severities'],
    [{ severities: { NAME_LENGHT: 'off' } }, 'severities.NAME_LENGHT is not a finding code'],
    [
      { severities: { NAME_LENGTH: 'fatal' } },
      'severities.NAME_LENGTH is "fatal"; allowed: error, warning, info, off',
    ],
    [{ severities: { PACKAGE_INVALID: 'off' } }, 'severities.PACKAGE_INVALID cannot be off'],
    [{ words: { generic: '外卖' } }, 'words.generic must be an array, not "外卖"'],
    [{ words: { generic: ['外卖', 3] } }, 'words.generic[1] must be a non-empty string, not number 3'],
    [{ words: { brands: [] } }, 'words.brands is not a known key'],
    [{ words: { nameMaxChars: -1 } }, 'words.nameMaxChars must be an integer ≥ 0'],
    [{ limits: { nameMinChars: 40 } }, 'nameMinChars (40) is above nameMaxChars (30)'],
    [{ limits: { mainPackageBytes: 0 } }, 'limits.mainPackageBytes must be an integer ≥ 1'],
    [{ limits: { maxSize: 1 } }, 'limits.maxSize is not a known limit'],
    [{ limits: { toString: 1 } }, 'limits.toString is not a known limit'],
    [
      { limits: { nameMaxChars: 9 }, words: { nameMaxChars: 9 } },
      'limits.nameMaxChars is also given as words.nameMaxChars',
    ],
    [{ categories: { categories: [] } }, 'categories.qualificationTypes must be an array'],
    [
      { extraCategories: { categories: [{ id: 'x', name: '某', en: 'X', parent: 'nope' }] } },
      'category x has an unknown parent "nope"',
    ],
    [
      { extraCategories: { categories: [{ id: 'x', name: '医院', en: 'X' }] } },
      'category "医院" appears twice',
    ],
    [
      { extraCategories: { categories: [{ id: 'x', name: '某', en: 'X', qualifications: ['nope'] }] } },
      'needs an unknown qualification type "nope"',
    ],
    [[], 'must be an object, not an array'],
  ])('refuses %j, naming the key', async (content, message) => {
    const error = await load(content).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckConfigError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).toContain(dir);
  });

  it('refuses a file that is missing or not JSON, naming it', async () => {
    await expect(loadCheckConfig(join(dir, 'nope.json'))).rejects.toThrow(
      /cannot read the check config .*nope\.json/,
    );
    await expect(load('{ "severities": ')).rejects.toThrow(/is not valid JSON/);
  });

  it('parses a config held elsewhere, keeping every package limit key known', () => {
    const limits = Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((k) => [k, 1]));
    expect(parseCheckConfig({ limits }).limits).toEqual(limits);
  });
});
