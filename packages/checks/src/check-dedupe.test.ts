import { describe, expect, it } from 'vitest';
import { checkFiles } from './check.js';
import { fileMap } from './testing/file-map.js';

describe('first-screen authorization found by both halves', () => {
  it('is reported once when the static reading and the launch sandbox see the same call', async () => {
    const files = fileMap({
      'app.json': '{"pages":["pages/index/index"]}',
      'app.js': 'App({});',
      'pages/index/index.axml': '<view>青禾</view>',
      'pages/index/index.js': "Page({ onLoad() { my.getAuthCode({ scopes: 'auth_user' }); } });",
    });
    const report = await checkFiles(files);
    const auth = report.findings.filter((f) => f.code === 'FIRST_SCREEN_AUTH');
    expect(auth).toHaveLength(1);
    expect(auth[0]).toMatchObject({ file: 'pages/index/index.js', line: 1 });
  });
});
