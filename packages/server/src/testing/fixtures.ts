import { fileURLToPath } from 'node:url';
import { zipDirectory } from '@minirelease/checks';
import { strToU8, unzipSync, zipSync } from 'fflate';

export const ALIPAY_EXAMPLE = fileURLToPath(
  new URL('../../../../examples/alipay-qinghe-books', import.meta.url),
);
export const WECHAT_EXAMPLE = fileURLToPath(
  new URL('../../../../examples/wechat-qinghe-books', import.meta.url),
);

let cached: Buffer | undefined;

/** The Alipay example, zipped as the CLI would upload it. */
export async function examplePackage(): Promise<Buffer> {
  cached ??= await zipDirectory(ALIPAY_EXAMPLE);
  return cached;
}

export const NOTES = '青禾读书首个版本：书架、图书详情与借阅记录，支持按书名搜索馆藏图书。';

export const NEW_APP = { appId: 'qinghe-books', name: '青禾读书', brand: '青禾', category: '图书' };

/** The example with one more file, so each version gets a package (a sha256) of its own. */
export async function distinctPackage(tag: string): Promise<Buffer> {
  const files = unzipSync(await examplePackage());
  files[`tag-${tag}.txt`] = strToU8(tag);
  return Buffer.from(zipSync(files));
}
