import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { DomainError } from '@minirelease/core';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * The web console's built files at `/` (DESIGN §9; docs/architecture.md, "The console"). Hashed assets are
 * cached forever; any other path without an extension is a client route and gets `index.html` when a browser
 * asks for HTML, except the API's own prefixes, which keep their JSON 404 so a mistyped API call never answers HTML.
 */
const RESERVED = ['/v1', '/docs', '/openapi.json', '/healthz', '/readyz', '/metrics'];

/**
 * Scripts, fonts and connections from this origin only; no framing, no plugins, no foreign forms. Styles allow
 * inline: Ant Design writes its CSS-in-JS into <style> elements at run time.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Any API version's prefix (`/v1`, a future `/v2`) is the API's, as are the operational routes. */
export function isReservedPath(path: string): boolean {
  return /^\/v\d+(\/|$)/.test(path) || RESERVED.some((p) => path === p || path.startsWith(`${p}/`));
}

/** A browser navigating asks for HTML; an API client (JSON, or no Accept at all) gets the API's JSON 404. */
function wantsHtml(accept: string | undefined): boolean {
  return accept !== undefined && /\btext\/html\b/.test(accept);
}

/** The built console of the workspace package `@minirelease/console`, or undefined when it is not there. */
export function defaultConsoleDir(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('@minirelease/console/package.json');
    return join(dirname(pkg), 'dist');
  } catch {
    return undefined;
  }
}

export function consoleStatic(app: FastifyInstance, dir: string | undefined): void {
  const cache = new Map<string, Buffer | null>();
  const read = async (file: string): Promise<Buffer | null> => {
    if (!cache.has(file)) {
      const full = join(dir ?? '', file);
      const ok =
        dir !== undefined &&
        (await stat(full).then(
          (s) => s.isFile(),
          () => false,
        ));
      cache.set(file, ok ? await readFile(full) : null);
    }
    return cache.get(file) ?? null;
  };

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (isReservedPath(path) || dir === undefined) {
      throw new DomainError('NOT_FOUND', `no route ${request.method} ${path}`);
    }
    const file = normalize(path).replace(/^[/\\]+/, '');
    if (file.split(sep).includes('..') || file.includes('\0')) {
      throw new DomainError('NOT_FOUND', `no route ${request.method} ${path}`);
    }
    // A file is an asset or has a file type; `/apps/x/versions/1.0.0` ends in ".0" and is a client route.
    const immutable = file.startsWith(`assets${sep}`);
    if (immutable || TYPES[extname(file)] !== undefined) {
      const bytes = await read(file);
      if (!bytes) throw new DomainError('NOT_FOUND', `no file ${path}`);
      // Vite names every built asset by its hash: a new build is a new URL, so the old one never changes.
      return send(reply, bytes, TYPES[extname(file)] ?? 'application/octet-stream', immutable);
    }
    if (!wantsHtml(request.headers.accept)) {
      throw new DomainError('NOT_FOUND', `no route ${request.method} ${path}`);
    }
    const index = await read('index.html');
    if (!index) throw new DomainError('NOT_FOUND', 'the console is not built (npm run build)');
    return send(reply, index, TYPES['.html']!, false);
  });
}

function send(reply: FastifyReply, bytes: Buffer, type: string, immutable: boolean) {
  return reply
    .header('content-type', type)
    .header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(bytes);
}
