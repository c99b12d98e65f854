import { describe, expect, it } from 'vitest';
import { fileMap, minimalApp } from '../../testing/file-map.js';
import { runRule } from '../../testing/run-rule.js';
import { placeholderContent } from './placeholder-content.js';

describe('PLACEHOLDER_CONTENT', () => {
  it('passes real copy, and placeholder words where no user sees them', async () => {
    const files = fileMap({
      ...minimalApp('wechat'),
      'pages/index/index.wxml': [
        '<!-- TODO: 测试数据换成接口 -->',
        '<view class="test todo" data-test="1" bindtap="testTap">最新上架 latest, contest</view>',
        '<wxs module="m">var test = "测试"; module.exports = { test: test };</wxs>',
        '<text>{{ m.test(price) }}</text>',
        "<text>{{ $t('home.test') }}</text><image src=\"{{ cover || '/images/test.png' }}\" />",
        '<view>Todo 清单</view>',
      ].join('\n'),
      'miniprogram_npm/ui/card.wxml': '<view>测试</view>',
    });
    expect(await runRule(placeholderContent, files)).toEqual([]);
  });

  it('reports test and placeholder text in text, {{ }} strings and shown attributes, with lines', async () => {
    const files = fileMap({
      ...minimalApp('alipay'),
      'pages/index/index.axml': [
        '<view>',
        '  <text>测试商品一</text>',
        "  <text>{{ title || 'test title' }}</text>",
        '  <input placeholder="Lorem ipsum dolor" />',
        '  <view>',
        '    TODO',
        '  </view>',
        '</view>',
      ].join('\n'),
      'components/card/card.axml': '<view>XXX 公司出品，占位图</view>',
    });
    const findings = await runRule(placeholderContent, files);
    expect(findings.map((f) => [f.file, f.line, f.message.zh])).toEqual([
      ['pages/index/index.axml', 2, '页面中有测试或占位内容“测试商品一”'],
      ['pages/index/index.axml', 3, '页面中有测试或占位内容“test title”'],
      ['pages/index/index.axml', 4, '页面中有测试或占位内容“Lorem ipsum dolor”'],
      ['pages/index/index.axml', 6, '页面中有测试或占位内容“TODO”'],
      ['components/card/card.axml', 1, '页面中有测试或占位内容“XXX 公司出品，占位图”'],
    ]);
    expect(findings[0]).toMatchObject({ code: 'PLACEHOLDER_CONTENT', severity: 'warning' });
  });
});
