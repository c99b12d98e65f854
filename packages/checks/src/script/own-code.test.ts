import { describe, expect, it } from 'vitest';
import { isMinified, isVendored } from './own-code.js';

describe('own code', () => {
  it('takes node_modules, miniprogram_npm, *.min.js and framework bundles for vendored', () => {
    expect(isVendored('node_modules/dayjs/index.js')).toBe(true);
    expect(isVendored('pages/a/miniprogram_npm/x/index.js')).toBe(true);
    expect(isVendored('libs/echarts.min.js')).toBe(true);
    expect(isVendored('common/vendor.js')).toBe(true);
    expect(isVendored('vendors.js')).toBe(true);
    expect(isVendored('pages/vendor/vendor.js')).toBe(false);
    expect(isVendored('utils/runtime.js')).toBe(false);
  });

  it('takes long lines dense with punctuators for a minified build', () => {
    const bundle = `!function(e,t){${'var n=e(1),r=t(2);if(n){r(n,function(o){return o})};'.repeat(80)}}(a,b);`;
    expect(isMinified(bundle)).toBe(true);
    expect(isMinified(`${bundle.slice(0, 1500)}`)).toBe(false);
  });

  it('keeps hand-written code with one long string (a base64 icon, a long text) as own code', () => {
    const icon = `const ICON = 'data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAE'.repeat(200)}';\n`;
    const code =
      'Page({\n  data: { icon: ICON },\n  onLoad() {\n    this.setData({ ready: true });\n  },\n});\n';
    expect(isMinified(icon + code)).toBe(false);
    expect(isMinified(code.repeat(100))).toBe(false);
  });
});
