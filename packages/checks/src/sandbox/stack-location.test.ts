import { describe, expect, it } from 'vitest';
import { packageFrame } from './stack-location.js';

const files = new Set(['app.js', 'pages/a b/a.js', 'miniprogram_npm/lib/index.js', 'utils/api.js']);
const isFile = (path: string) => files.has(path);

describe('packageFrame', () => {
  it('skips the runtime’s and Node’s frames for the first package file, with its line', () => {
    const stack = [
      'TypeError: x is not a function',
      '    at Object.api (minirelease:runtime:120:9)',
      '    at Object.onLoad (pages/a b/a.js:12:5)',
      '    at app.js:3:1',
    ].join('\n');
    expect(packageFrame(stack, isFile)).toEqual({ file: 'pages/a b/a.js', line: 12 });
    expect(packageFrame('Error: x\n    at app.js:3:1', isFile)).toEqual({ file: 'app.js', line: 3 });
  });

  it('prefers the app’s own frame to a vendored library’s, and keeps the library when alone', () => {
    const stack =
      'Error: bad\n    at get (miniprogram_npm/lib/index.js:40:11)\n    at load (utils/api.js:7:3)';
    expect(packageFrame(stack, isFile)).toEqual({ file: 'utils/api.js', line: 7 });
    expect(packageFrame('Error: bad\n    at get (miniprogram_npm/lib/index.js:40:11)', isFile)).toEqual({
      file: 'miniprogram_npm/lib/index.js',
      line: 40,
    });
  });

  it('finds nothing in a stack without package frames', () => {
    expect(
      packageFrame('Error: x\n    at async Promise.all (index 0)\n    at node:internal/timers:1:1', isFile),
    ).toBeUndefined();
    expect(packageFrame('', isFile)).toBeUndefined();
  });
});
