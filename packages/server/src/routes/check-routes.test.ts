import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../testing/test-database.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

describe.each(TEST_DIALECTS)('app rules and catalog for forms (%s)', (dialect) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(dialect);
  });
  afterAll(() => s?.close());

  const codes = (body: { findings: { code: string }[] }) => body.findings.map((f) => f.code);

  it('a good name in a known category has no error finding', async () => {
    const r = await s.call('POST', '/v1/checks/app', {
      body: { name: '青禾读书', brand: '青禾', category: '图书' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().ok).toBe(true);
  });

  it('a name without its brand and an unknown category are findings in both languages, not refusals', async () => {
    const r = await s.call('POST', '/v1/checks/app', {
      body: { name: '读书', brand: '青禾', category: '不存在的类目' },
    });
    expect(r.statusCode).toBe(200);
    expect(codes(r.json())).toEqual(expect.arrayContaining(['CATEGORY_UNKNOWN']));
    for (const f of r.json().findings) {
      expect(f.message.zh.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
    }
  });

  it('a brand’s own restricted word is lifted by a trademark document, and generic compounds are found', async () => {
    const bank = { name: '中国银行信用卡', brand: '中国银行', category: 'finance.bank' };
    const bare = await s.call('POST', '/v1/checks/app', { body: bank });
    const forbidden = bare.json().findings.find((f: { code: string }) => f.code === 'NAME_FORBIDDEN_WORD');
    expect(forbidden.hint.zh).toContain('商标注册证');
    const qualifications = [
      { type: '商标注册证', number: '第1234567号', expiresAt: '2099-12-31' },
      { type: '金融许可证', number: 'B0001', expiresAt: '2099-12-31' },
    ];
    const held = await s.call('POST', '/v1/checks/app', { body: { ...bank, qualifications } });
    expect(codes(held.json())).toEqual([]);
    const generic = await s.call('POST', '/v1/checks/app', {
      body: { name: '同城快送', brand: '青禾', category: '快递' },
    });
    expect(codes(generic.json())).toContain('NAME_TOO_GENERIC');
  });

  it('creates nothing', async () => {
    await s.call('POST', '/v1/checks/app', { body: { name: '青禾读书', brand: '青禾', category: '图书' } });
    expect((await s.call('GET', '/v1/apps')).json().items).toEqual([]);
  });

  it('release notes that are too short are found', async () => {
    const r = await s.call('POST', '/v1/checks/app', {
      body: { name: '青禾读书', brand: '青禾', category: '图书', description: '修复' },
    });
    expect(codes(r.json())).toContain('VERSION_DESC_LENGTH');
  });

  it('needs a token', async () => {
    const r = await s.call('POST', '/v1/checks/app', {
      token: null,
      body: { name: 'a', brand: 'b', category: 'c' },
    });
    expect(r.statusCode).toBe(401);
  });

  it('the catalog names every rule in zh and en, and what a hospital must show', async () => {
    const r = await s.call('GET', '/v1/checks/catalog');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const rule = body.rules.find((x: { code: string }) => x.code === 'FIRST_SCREEN_AUTH');
    expect(rule.message.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.hint.en.length).toBeGreaterThan(0);
    const hospital = body.categories.find((c: { name: string }) => c.name === '医院');
    expect(hospital.requires.length).toBeGreaterThan(0);
    const types = new Set(body.qualificationTypes.map((t: { id: string }) => t.id));
    for (const anyOf of hospital.requires) for (const id of anyOf) expect(types.has(id)).toBe(true);
  });
});
