import { describe, expect, it } from 'vitest';
import { lineIndex } from './line-index.js';
import { sourcePlace } from './source-place.js';

describe('sourcePlace', () => {
  it('gives the line alone in hand-written code', () => {
    const source = 'const a = 1;\nwx.request({ url: "http://x" });\n';
    expect(sourcePlace(source, lineIndex(source), source.indexOf('wx'))).toEqual({ line: 2 });
  });

  it('gives line, column and the code around the spot in a one-line file', () => {
    const source = `${'var a=1;'.repeat(40)}e.request({url:"http://api.example"});${'var b=2;'.repeat(40)}`;
    const at = source.indexOf('e.request');
    expect(sourcePlace(source, lineIndex(source), at)).toEqual({
      line: 1,
      column: at + 1,
      snippet: '…var a=1;var a=1;var a=1;var a=1;var a=1;e.request({url:"http://api.example"});va…',
    });
  });
});
