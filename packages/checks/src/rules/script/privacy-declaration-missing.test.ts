import { describe, expect, it } from 'vitest';
import type { Finding } from '../../report.js';
import { uniAppBuild } from '../../testing/compiled-build.js';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { QINGHE_BOOKS } from '../../testing/run-app-rule.js';
import { runRule } from '../../testing/run-rule.js';
import { privacyDeclarationMissing } from './privacy-declaration-missing.js';

const wechat = (appJson: Record<string, unknown>, files: Record<string, string>) =>
  fileMap({
    ...minimalApp('wechat'),
    'app.json': JSON.stringify({ pages: ['pages/index/index'], ...appJson }),
    ...files,
  });
const alipay = (files: Record<string, string>) => fileMap({ ...minimalApp('alipay'), ...files });
const shown = (findings: Finding[]) => findings.map((f) => [f.severity, f.file, f.line, f.message.en]);
const POLICY = { type: '隐私政策', number: 'https://qinghe.example/privacy', expiresAt: '2099-12-31' };
const withPolicy = { input: { app: { ...QINGHE_BOOKS, qualifications: [POLICY] }, today: '2026-12-02' } };

const map = [
  'Page({',
  '  onTapMap() {',
  "    wx.getLocation({ type: 'gcj02' });",
  '    wx.chooseAddress({});',
  '    wx.getLocation({});',
  '  },',
  '});',
].join('\n');

describe('PRIVACY_DECLARATION_MISSING', () => {
  it('says nothing of an app that reads no user data, nor of what a library calls', async () => {
    const files = wechat({}, { 'miniprogram_npm/map-sdk/index.js': 'wx.getLocation({});' });
    expect(await runRule(privacyDeclarationMissing, files)).toEqual([]);
    expect(
      await runRule(privacyDeclarationMissing, alipay({ 'node_modules/x/i.js': 'my.getLocation({});' })),
    ).toEqual([]);
  });

  it('reports each WeChat location API that requiredPrivateInfos lacks, as an error at its first call', async () => {
    const files = wechat(
      { requiredPrivateInfos: ['chooseAddress'], __usePrivacyCheck__: true },
      { 'pages/index/index.js': map },
    );
    expect(shown(await runRule(privacyDeclarationMissing, files))).toEqual([
      [
        'error',
        'pages/index/index.js',
        3,
        "The app calls wx.getLocation, but app.json's requiredPrivateInfos does not list getLocation",
      ],
    ]);
  });

  it('passes WeChat location APIs all declared, with the privacy guide switched on', async () => {
    const files = wechat(
      { requiredPrivateInfos: ['getLocation', 'chooseAddress'], __usePrivacyCheck__: true },
      { 'pages/index/index.js': map },
    );
    expect(await runRule(privacyDeclarationMissing, files)).toEqual([]);
  });

  it('warns once when WeChat user data is read with no privacy guide, lifted by the consent flow or a policy', async () => {
    const page = "Page({ onTap() { wx.getUserProfile({ desc: '会员' }); } });";
    const template = '<button open-type="getPhoneNumber" bindgetphonenumber="onPhone">手机号登录</button>';
    const files = wechat({}, { 'pages/index/index.js': page, 'pages/index/index.wxml': template });
    const [finding, ...rest] = await runRule(privacyDeclarationMissing, files);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', file: 'pages/index/index.js', line: 1 });
    expect(finding!.message.en).toBe(
      'The app calls wx.getUserProfile, <button open-type="getPhoneNumber">, but the package does not use the privacy guide (__usePrivacyCheck__ in app.json, or the consent flow) and the app has no privacy policy registered',
    );
    const flow = "wx.onNeedPrivacyAuthorization((resolve) => resolve({ event: 'agree' }));";
    expect(
      await runRule(privacyDeclarationMissing, wechat({}, { ...Object.fromEntries(files), 'app.js': flow })),
    ).toEqual([]);
    const button = '<button open-type="agreePrivacyAuthorization">同意</button>';
    const agreed = wechat({}, { 'pages/index/index.js': page, 'pages/index/index.wxml': button });
    expect(await runRule(privacyDeclarationMissing, agreed)).toEqual([]);
    expect(await runRule(privacyDeclarationMissing, files, withPolicy)).toEqual([]);
  });

  it('warns on Alipay user-info, phone and location APIs until the app registers its privacy policy', async () => {
    const files = alipay({
      'pages/index/index.js': [
        "Page({ onTap() { my.getAuthCode({ scopes: 'auth_base' }); my.getLocation({}); } });",
      ].join('\n'),
      'pages/index/index.axml': '<button open-type="getAuthorize" scope="phoneNumber">授权手机号</button>',
    });
    const findings = await runRule(privacyDeclarationMissing, files);
    expect(shown(findings)).toEqual([
      [
        'warning',
        'pages/index/index.js',
        1,
        'The app calls my.getLocation, <button open-type="getAuthorize" scope="phoneNumber">, but the app has no privacy policy registered (the 隐私政策 qualification, standing for the privacy policy URL)',
      ],
    ]);
    expect(findings[0]!.hint.zh).toContain('“隐私政策”资质');
    expect(await runRule(privacyDeclarationMissing, files, withPolicy)).toEqual([]);
    const expired = { input: { ...withPolicy.input, today: '2100-01-01' } };
    expect(await runRule(privacyDeclarationMissing, files, expired)).toHaveLength(1);
  });

  it('finds uni.getLocation in an own module of a uni-app build, not the same text in the vendor chunk', async () => {
    const text = 'e.getLocation({type:"gcj02"});';
    const own = await runRule(privacyDeclarationMissing, uniAppBuild({ own: text }));
    expect(own.map((f) => [f.severity, f.file, f.line, f.column !== undefined])).toEqual([
      ['error', 'pages/index/index.js', 1, true],
    ]);
    expect(await runRule(privacyDeclarationMissing, uniAppBuild({ vendor: text }))).toEqual([]);
  });

  it('follows a tuned catalog down, and never raises the policy warning above it', async () => {
    const files = wechat({}, { 'pages/index/index.js': map });
    const { CATALOG } = await import('../../catalog/catalog.js');
    const catalog = {
      ...CATALOG,
      PRIVACY_DECLARATION_MISSING: { ...CATALOG.PRIVACY_DECLARATION_MISSING, severity: 'info' as const },
    };
    const findings = await runRule(privacyDeclarationMissing, files, { catalog });
    expect(findings.map((f) => f.severity)).toEqual(['info', 'info', 'info']);
  });
});
