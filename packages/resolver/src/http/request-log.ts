import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import { LogController } from 'fastify';

/** Query parameters that name a host's end user: never written to a log in clear. */
const USER_PARAMS = new Set(['user', 'userId']);

/** The URL with every end-user id replaced by `redacted` (`/v1/resolve?app=a&user=redacted`). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = decodeSafely(eq === -1 ? pair : pair.slice(0, eq));
      return USER_PARAMS.has(name) ? `${pair.slice(0, eq === -1 ? pair.length : eq)}=redacted` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * Per-request log lines (`incoming request`, `request completed`) are off unless asked for: at `info` they
 * wrote 29 MB of end-user ids in 5 minutes (issue 10). When on, the URL is redacted, as in every other line that
 * names a request (`redactedLogger`).
 */
export function requestLogController(enabled: boolean): LogController {
  return new (class extends LogController {
    override routeNotFound(request: FastifyRequest): void {
      if (enabled)
        request.log.info(`Route ${request.raw.method}:${redactUrl(request.raw.url ?? '')} not found`);
    }
  })({ disableRequestLogging: !enabled });
}

type LoggerOption = Exclude<FastifyServerOptions['logger'], undefined>;

/** A logger configuration whose request serializer redacts end-user ids; `false` and `true` as given. */
export function redactedLogger(logger: LoggerOption): LoggerOption {
  if (typeof logger !== 'object' || logger === null) return logger;
  return {
    ...logger,
    serializers: {
      ...(logger as { serializers?: Record<string, unknown> }).serializers,
      req: (req: { method?: string; url?: string; id?: string }) => ({
        method: req.method,
        url: redactUrl(req.url ?? ''),
        reqId: req.id,
      }),
    },
  } as LoggerOption;
}
