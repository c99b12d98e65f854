import { describe, expect, it } from 'vitest';
import { attribute, scanTemplate, visibleParts } from './template-scan.js';

describe('scanTemplate', () => {
  it('reads tags and attributes, quoted, unquoted and bare, with offsets', () => {
    const source =
      '<navigator url="/pages/a/a?id={{id}}" open-type=redirect hover-class=\'h\' disabled>去</navigator>';
    const { tags, texts } = scanTemplate(source);
    expect(tags).toHaveLength(1);
    expect(tags[0]!.name).toBe('navigator');
    expect(tags[0]!.attributes.map((a) => [a.name, a.value])).toEqual([
      ['url', '/pages/a/a?id={{id}}'],
      ['open-type', 'redirect'],
      ['hover-class', 'h'],
      ['disabled', undefined],
    ]);
    expect(source.slice(attribute(tags[0]!, 'url')!.start).startsWith('/pages/a/a')).toBe(true);
    expect(texts.map((t) => t.text)).toEqual(['去']);
  });

  it('is not fooled by < inside {{ }}, > inside attribute values, comments or inline wxs', () => {
    const source = [
      '<view wx:if="{{a > b}}">{{ a < b ? "少" : "多" }}</view>',
      '<!-- <view>旧的</view> -->',
      '<wxs module="m">var x = a < b; module.exports = { x: x };</wxs>',
      '<import-sjs from="./a.sjs" name="a"/>',
      '<text>完</text>',
    ].join('\n');
    const { tags, texts } = scanTemplate(source);
    expect(tags.map((t) => t.name)).toEqual(['view', 'wxs', 'import-sjs', 'text']);
    expect(texts.map((t) => t.text.trim()).filter(Boolean)).toEqual(['{{ a < b ? "少" : "多" }}', '完']);
  });

  it('shows the text outside {{ }} and the strings inside, each at its offset', () => {
    expect(visibleParts("价格 {{ p || '待定' }} 元", 10)).toEqual([
      { text: '价格 ', start: 10 },
      { text: '待定', start: 22, quoted: true },
      { text: ' 元', start: 28 },
    ]);
  });
});
