import type { Layout } from '@minirelease/core/wire';

export type { Layout } from '@minirelease/core/wire';

export const TEMPLATE_EXTENSION: Readonly<Record<Layout, string>> = { alipay: '.axml', wechat: '.wxml' };

/**
 * Which dialect a package is written in, by counting its templates and styles. Alipay wins a tie (and an
 * empty package), being the platform whose limits we follow.
 */
export function detectLayout(files: ReadonlyMap<string, unknown>): Layout {
  let alipay = 0;
  let wechat = 0;
  for (const path of files.keys()) {
    if (path.endsWith('.axml') || path.endsWith('.acss')) alipay += 1;
    else if (path.endsWith('.wxml') || path.endsWith('.wxss')) wechat += 1;
  }
  return wechat > alipay ? 'wechat' : 'alipay';
}
