import { describe, expect, it } from 'vitest';
import type { Materials } from '../../input.js';
import { runRule } from '../../testing/run-rule.js';
import { materialsTestAccountMissing } from './materials-test-account-missing.js';

const check = (usesLogin: boolean | undefined, materials: Materials) =>
  runRule(materialsTestAccountMissing, new Map(), { input: { usesLogin, materials } });

describe('MATERIALS_TEST_ACCOUNT_MISSING', () => {
  it('passes an app with a login given an account and its password, and an app without login', async () => {
    expect(await check(true, { testAccount: 'reviewer01', testPassword: 'pw' })).toEqual([]);
    expect(await check(false, {})).toEqual([]);
    expect(await check(undefined, {})).toEqual([]);
  });

  it('reports an app with a login and no account', async () => {
    expect(await check(true, { testAccount: ' ', screenshots: ['a.png'] })).toEqual([
      expect.objectContaining({
        code: 'MATERIALS_TEST_ACCOUNT_MISSING',
        severity: 'error',
        message: {
          zh: '小程序需要登录，但审核材料缺少测试账号和密码',
          en: 'The app has a login but the review materials lack a test account and its password',
        },
      }),
    ]);
  });

  it('reports an account without its password, and a password without account', async () => {
    expect((await check(true, { testAccount: 'reviewer01' }))[0]!.message.zh).toBe(
      '小程序需要登录，但审核材料缺少测试账号的密码',
    );
    expect((await check(true, { testPassword: 'pw' }))[0]!.message.en).toBe(
      'The app has a login but the review materials lack the test account',
    );
  });
});
