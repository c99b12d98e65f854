import { formatBytes } from '../../format-bytes.js';
import type { Rule } from '../rule.js';

const PART = {
  main: { zh: '主包', en: 'main package' },
  total: { zh: '全部包（主包与分包）', en: 'whole package (main and subpackages)' },
};

/** PACKAGE_TOO_LARGE: the main package over its limit, and the whole over the total limit, each reported. */
export const packageTooLarge: Rule = {
  name: 'package-too-large',
  needs: 'package',
  codes: ['PACKAGE_TOO_LARGE'],
  run({ sizes, limits, finding }) {
    const over = [
      { part: PART.main, size: sizes.mainSize, limit: limits.mainPackageBytes },
      { part: PART.total, size: sizes.totalSize, limit: limits.totalPackageBytes },
    ].filter((o) => o.size > o.limit);
    return over.map((o) =>
      finding('PACKAGE_TOO_LARGE', {
        params: { part: o.part, size: formatBytes(o.size), limit: formatBytes(o.limit) },
      }),
    );
  },
};
