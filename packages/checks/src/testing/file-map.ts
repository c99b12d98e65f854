/** A package's files from literal contents, for tests: `fileMap({ 'app.json': '{…}' })`. */
export function fileMap(contents: Record<string, string | Buffer>): Map<string, Buffer> {
  return new Map(
    Object.entries(contents).map(([path, data]) => [path, Buffer.isBuffer(data) ? data : Buffer.from(data)]),
  );
}

/** The smallest package that passes every rule, in either layout. */
export function minimalApp(layout: 'alipay' | 'wechat' = 'alipay'): Record<string, string> {
  const template = layout === 'alipay' ? 'axml' : 'wxml';
  return {
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({});',
    [`pages/index/index.${template}`]: '<view>青禾书店</view>',
    'pages/index/index.js': 'Page({});',
  };
}
