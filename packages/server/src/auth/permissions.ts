import type { AppRole } from './principal.js';

/**
 * What each route needs, as data: the guard reads it and the route × role test walks it. A route missing here
 * refuses to register, so no route ships unguarded.
 *   public        data plane and probes: no operator token
 *   authenticated any valid token
 *   admin         platform admin
 *   reviewer      platform reviewer (or admin)
 *   resolver      platform resolver (or admin): the change stream, which carries experiencer ids; a resolver
 *                 token passes nothing else but public routes
 *   app:<role>    at least that role on the app in `:app` (admin always; a reviewer may read)
 *   host          a host key (`hk_…`, DESIGN §10) and nothing else: an operator token, even an admin's, is
 *                 refused with HOST_KEY_REQUIRED, so a host app never holds a secret that can move versions
 *   package       public for the packages a resolve could hand out (and rollback targets); the rest to members
 *                 of their app, reviewers and admins; 404 to everyone else (services/package-access.ts)
 */
export type Permission =
  | 'public'
  | 'authenticated'
  | 'admin'
  | 'reviewer'
  | 'resolver'
  | 'host'
  | 'package'
  | `app:${AppRole}`;

export const PERMISSIONS: Readonly<Record<string, Permission>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'public',
  'GET /openapi.json': 'public',
  'GET /v1/resolve': 'public',
  'POST /v1/resolve/batch': 'public',
  'GET /v1/search': 'public',
  'GET /v1/packages/:sha256': 'package',
  'GET /v1/stream': 'resolver',
  'GET /v1/stream/snapshot': 'resolver',

  'GET /v1/whoami': 'authenticated',
  'POST /v1/tokens': 'admin',
  'GET /v1/tokens': 'admin',
  'DELETE /v1/tokens/:id': 'admin',

  'POST /v1/apps': 'authenticated',
  'GET /v1/apps': 'authenticated',
  'GET /v1/apps/:app': 'app:viewer',
  'PATCH /v1/apps/:app': 'app:owner',
  'PUT /v1/apps/:app/members/:principal': 'app:owner',
  'DELETE /v1/apps/:app/members/:principal': 'app:owner',
  'PUT /v1/apps/:app/experiencers': 'app:developer',
  'POST /v1/apps/:app/qualifications': 'app:owner',
  'DELETE /v1/apps/:app/qualifications/:id': 'app:owner',
  'GET /v1/apps/:app/audit-log': 'app:viewer',

  'POST /v1/apps/:app/versions': 'app:developer',
  'GET /v1/apps/:app/versions': 'app:viewer',
  'GET /v1/apps/:app/versions/:v': 'app:viewer',
  'PATCH /v1/apps/:app/versions/:v': 'app:developer',
  'DELETE /v1/apps/:app/versions/:v': 'app:developer',
  'GET /v1/apps/:app/versions/:v/report': 'app:viewer',
  'POST /v1/apps/:app/versions/:v/experience': 'app:developer',
  'POST /v1/apps/:app/versions/:v/submit': 'app:developer',
  'POST /v1/apps/:app/versions/:v/cancel-review': 'app:developer',
  'POST /v1/apps/:app/versions/:v/review': 'reviewer',
  'POST /v1/apps/:app/versions/:v/gray': 'app:owner',
  'POST /v1/apps/:app/versions/:v/cancel-gray': 'app:owner',
  'POST /v1/apps/:app/versions/:v/publish': 'app:owner',
  'POST /v1/apps/:app/rollback': 'app:owner',
  'POST /v1/apps/:app/offline': 'app:owner',
  'POST /v1/apps/:app/online': 'app:owner',

  'GET /v1/review-queue': 'reviewer',
  // Any operator reads the rejection catalog: a reviewer picks from it, a developer reads why 1.4.0 came back.
  'GET /v1/review-reasons': 'authenticated',

  // The console's helpers: dry-run of the app rules and the catalog a form shows; screenshots for review.
  'POST /v1/checks/app': 'authenticated',
  'GET /v1/checks/catalog': 'authenticated',
  'POST /v1/apps/:app/materials': 'app:developer',
  'GET /v1/apps/:app/materials/:sha256': 'app:viewer',
  // The console's files and its client routes (never /v1, /docs or the probes: see http/console-static.ts).
  'GET /*': 'public',
  'POST /v1/host-keys': 'admin',
  'GET /v1/host-keys': 'admin',
  'DELETE /v1/host-keys/:id': 'admin',
  'GET /v1/apps/:app/versions/:v/health': 'app:viewer',
  'POST /v1/events': 'host',
  'PUT /v1/apps/:app/versions/:v/gray-plan': 'app:owner',
  'GET /v1/apps/:app/versions/:v/gray-plan': 'app:viewer',
  'POST /v1/apps/:app/versions/:v/gray-plan/pause': 'app:owner',
  'POST /v1/apps/:app/versions/:v/gray-plan/resume': 'app:owner',
};

/** Documentation and its assets: public, registered by the swagger plugins. */
export function isDocsRoute(url: string): boolean {
  return url === '/docs' || url.startsWith('/docs/');
}
