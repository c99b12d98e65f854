import { describe, expect, it } from 'vitest';
import { detectLayout } from './layout.js';
import { fileMap, minimalApp } from './testing/file-map.js';

describe('detectLayout', () => {
  it('tells Alipay and WeChat packages apart by their templates and styles', () => {
    expect(detectLayout(fileMap(minimalApp('alipay')))).toBe('alipay');
    expect(detectLayout(fileMap(minimalApp('wechat')))).toBe('wechat');
    expect(detectLayout(fileMap({ 'app.wxss': '', 'a.wxml': '', 'b.axml': '' }))).toBe('wechat');
  });

  it('defaults to Alipay when nothing tells', () => {
    expect(detectLayout(fileMap({ 'app.json': '{}' }))).toBe('alipay');
  });
});
