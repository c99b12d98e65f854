// Apps for the bench, taken through the pipeline over the API: 1.0.0 live, 1.1.0 in gray at 1 %.
import { join } from 'node:path';
import { root } from './processes.mjs';

const NOTES = '青禾读书基准测试版本：书架、图书详情与借阅记录，支持按书名搜索馆藏图书与离线阅读。';

export function apiClient(base, token) {
  return async function call(method, path, body) {
    const isZip = Buffer.isBuffer(body);
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': isZip ? 'application/zip' : 'application/json' }),
      },
      ...(body === undefined ? {} : { body: isZip ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Creates `count` apps with 1.0.0 published and 1.1.0 in gray at 1 % (100 basis points). */
export async function grayApps(call, count) {
  const { zipDirectory } = await import(join(root, 'packages/checks/dist/index.js'));
  const zip = await zipDirectory(join(root, 'examples/alipay-qinghe-books'));
  const apps = [];
  for (let i = 0; i < count; i++) {
    const appId = `bench-books-${i + 1}`;
    await call('POST', '/v1/apps', { appId, name: `青禾读书${i + 1}`, brand: '青禾', category: '图书' });
    for (const version of ['1.0.0', '1.1.0']) {
      const q = `version=${version}&description=${encodeURIComponent(NOTES)}`;
      await call('POST', `/v1/apps/${appId}/versions?${q}`, zip);
      const step = (action, body = {}) =>
        call('POST', `/v1/apps/${appId}/versions/${version}/${action}`, body);
      await step('submit', { testAccount: 'reviewer01', testPassword: 'pw' });
      await step('review', { decision: 'approve' });
      await (version === '1.0.0' ? step('publish') : step('gray', { percentage: 1 }));
    }
    apps.push({ appId, basisPoints: 100 });
  }
  return apps;
}
