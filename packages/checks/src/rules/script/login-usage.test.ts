import { describe, expect, it } from 'vitest';
import { buildContext } from '../../context.js';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { loginUsage } from './login-usage.js';

const learn = async (files: Record<string, string>, known?: boolean) => {
  const context = buildContext(fileMap({ ...minimalApp('wechat'), ...files }));
  if (known !== undefined) context.facts.usesLogin = known;
  expect(await loginUsage.run(context)).toEqual([]);
  return context.facts.usesLogin;
};

describe('usesLogin (learned for MATERIALS_TEST_ACCOUNT_MISSING)', () => {
  it('is false for an app without login, and keeps a true another rule learned', async () => {
    expect(
      await learn({
        'pages/index/index.js': "Page({ onLoad() { wx.request({ url: 'https://a.example' }); } });",
      }),
    ).toBe(false);
    expect(await learn({}, true)).toBe(true);
  });

  it('is true for login APIs, phone-number buttons and login pages', async () => {
    expect(await learn({ 'utils/session.js': 'export const login = () => wx.login({});' })).toBe(true);
    expect(
      await learn({ 'pages/index/index.js': "Page({ a() { my.getAuthCode({ scopes: 'auth_base' }); } });" }),
    ).toBe(true);
    expect(
      await learn({ 'pages/index/index.wxml': '<button open-type="getPhoneNumber">手机号</button>' }),
    ).toBe(true);
    expect(
      await learn({
        'pages/index/index.wxml': '<button open-type="getAuthorize" scope="phoneNumber">授权</button>',
      }),
    ).toBe(true);
    expect(
      await learn({ 'app.json': JSON.stringify({ pages: ['pages/index/index', 'user/login/login'] }) }),
    ).toBe(true);
  });
});
