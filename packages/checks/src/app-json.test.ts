import { describe, expect, it } from 'vitest';
import { pagePath, readAppJson } from './app-json.js';
import { fileMap } from './testing/file-map.js';

const read = (appJson: string) => readAppJson(fileMap({ 'app.json': appJson }));

describe('readAppJson', () => {
  it('reads pages and both spellings of subpackages, normalizing roots', () => {
    const a = read(
      JSON.stringify({
        pages: ['pages/index/index'],
        subPackages: [{ root: './shop/', pages: ['cart/cart'] }],
      }),
    );
    const b = read(
      JSON.stringify({ pages: ['pages/index/index'], subpackages: [{ root: '/shop', pages: [] }] }),
    );
    expect(a.status === 'ok' && a.app.subpackages).toEqual([{ root: 'shop', pages: ['cart/cart'] }]);
    expect(b.status === 'ok' && b.app.subpackages).toEqual([{ root: 'shop', pages: [] }]);
  });

  it('accepts a byte order mark and keeps entryPagePath', () => {
    const result = read(`\uFEFF${JSON.stringify({ pages: ['a/a', 'b/b'], entryPagePath: 'b/b' })}`);
    expect(result.status === 'ok' && result.app.entryPagePath).toBe('b/b');
  });

  it('says when app.json is missing', () => {
    expect(readAppJson(new Map())).toEqual({ status: 'missing' });
  });

  it('gives the line where the JSON breaks', () => {
    const result = read('{\n  "pages": [\n    "pages/index/index",\n  ]\n}');
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.line).toBe(4);
  });

  it.each([
    ['an array', '[]'],
    ['no pages', '{}'],
    ['empty pages', '{"pages": []}'],
    ['a page that is not a string', '{"pages": [1]}'],
    ['a blank page', '{"pages": [" "]}'],
    ['subPackages not an array', '{"pages": ["a/a"], "subPackages": {}}'],
    ['a subpackage without root', '{"pages": ["a/a"], "subPackages": [{"pages": []}]}'],
    ['a subpackage without pages', '{"pages": ["a/a"], "subPackages": [{"root": "s"}]}'],
    ['a null subpackage', '{"pages": ["a/a"], "subPackages": [null]}'],
  ])('refuses %s', (_name, text) => {
    const result = read(text);
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.reason.zh).not.toBe('');
  });
});

describe('pagePath', () => {
  it('joins a subpackage root and drops leading slashes', () => {
    expect(pagePath('/pages/a/a')).toBe('pages/a/a');
    expect(pagePath('cart/cart', 'shop')).toBe('shop/cart/cart');
  });
});
