import { describe, expect, it } from 'vitest';
import { uploadExcludes } from './upload-excludes.js';

const wechat = (ignore: unknown[]) =>
  uploadExcludes({ projectConfig: JSON.stringify({ packOptions: { ignore } }) });

describe('uploadExcludes', () => {
  it('leaves out secrets, source maps, version control and editor litter by default', () => {
    const ex = uploadExcludes();
    for (const [path, folder] of [
      ['.env', false],
      ['.env.local', false],
      ['config/.env.production', false],
      ['pages/index/index.js.map', false],
      ['.git', true],
      ['.DS_Store', false],
      ['pages/.DS_Store', false],
      ['.vscode', true],
      ['app.js.swp', false],
    ] as const) {
      expect(ex.match(path, folder), path).toBeDefined();
    }
    for (const path of ['app.js', 'environment.js', 'pages/env/index.js', 'sitemap.json', '.envrc.js.txt']) {
      expect(ex.match(path, false), path).toBeUndefined();
    }
  });

  it('keeps node_modules for Alipay, which loads it, and leaves it out for WeChat', () => {
    expect(uploadExcludes().match('node_modules', true)).toBeUndefined();
    expect(uploadExcludes({ miniProject: '{}' }).match('node_modules', true)).toBeUndefined();
    expect(uploadExcludes({ projectConfig: '{}' }).match('node_modules', true)).toMatch(/node_modules/);
    expect(uploadExcludes({ projectConfig: '{}' }).match('miniprogram_npm', true)).toBeUndefined();
  });

  it('applies every type of packOptions.ignore, without case', () => {
    const ex = wechat([
      { type: 'file', value: './Docs/readme.md' },
      { type: 'folder', value: 'test/' },
      { type: 'suffix', value: '.LICENSE.txt' },
      { type: 'prefix', value: 'draft-' },
      { type: 'regexp', value: 'mock\\.js$' },
      { type: 'glob', value: 'pages/api/**/*.md' },
    ]);
    expect(ex.match('docs/README.md', false)).toBe(
      'project.config.json packOptions.ignore file: ./Docs/readme.md',
    );
    expect(ex.match('test', true)).toMatch(/folder: test/);
    expect(ex.match('lib/vendor.license.txt', false)).toMatch(/suffix/);
    expect(ex.match('pages/draft-home.js', false)).toMatch(/prefix/);
    expect(ex.match('utils/MOCK.js', false)).toMatch(/regexp/);
    expect(ex.match('pages/API/a/b.md', false)).toMatch(/glob/);
    for (const path of ['docs/other.md', 'pages/home.js', 'utils/mock.json', 'pages/index/a.md']) {
      expect(ex.match(path, false), path).toBeUndefined();
    }
    expect(ex.match('test', false), 'a file named like the folder').toBeUndefined();
  });

  it('applies mini.project.json uploadExclude globs, a matching folder as a whole', () => {
    const ex = uploadExcludes({
      miniProject: JSON.stringify({ uploadExclude: ['docs', 'scripts/**', '*.psd'] }),
    });
    expect(ex.match('docs', true)).toBe('mini.project.json uploadExclude: docs');
    expect(ex.match('scripts/build.js', false)).toBeDefined();
    expect(ex.match('logo.psd', false)).toBeDefined();
    expect(ex.match('pages/index/index.js', false)).toBeUndefined();
  });

  it('adds no rule for a malformed project file or entry, rather than failing the upload', () => {
    expect(uploadExcludes({ projectConfig: '{ not json' }).match('a.js', false)).toBeUndefined();
    const ex = wechat([
      null,
      { type: 'regexp', value: '(' },
      { type: 'nope', value: 'a.js' },
      { type: 'file' },
    ]);
    expect(ex.match('a.js', false)).toBeUndefined();
  });
});
