/**
 * A package's URL as a host downloads it. The resolver answers a path (`/v1/packages/<sha256>`: it does not
 * know the name it is reached by), so the path goes after `baseUrl`, path prefix included, as every request
 * of the SDK does (a resolver behind `https://example.com/release` serves `…/release/v1/packages/…`). A URL
 * with a scheme (a CDN) is kept as it is.
 */
export function absolutePackageUrl(baseUrl: string, url: string): string {
  if (url.startsWith('/') && !url.startsWith('//')) return `${baseUrl.replace(/\/+$/, '')}${url}`;
  return new URL(url, `${baseUrl.replace(/\/+$/, '')}/`).href;
}
