import { type CallOptions, path, type WriteOptions } from './transport.js';
import { VersionsClient } from './versions-client.js';
import type {
  App,
  AppCheckRequest,
  AppCheckResult,
  AppRole,
  AuditRecord,
  CheckCatalog,
  CreateAppRequest,
  CreatedHostKey,
  CreatedToken,
  CreateTokenRequest,
  GrayPlan,
  GrayPlanRequest,
  Health,
  HostKey,
  Material,
  Page,
  PageQuery,
  QualificationRequest,
  ReviewQueueItem,
  ReviewReasons,
  RollbackRequest,
  Token,
  UpdateAppRequest,
  WhoAmI,
} from './wire.js';

/**
 * The typed client of the minirelease API (DESIGN §5). Every method answers the resource the route answers;
 * a refusal throws `ApiError` with the server's code; writes take `ifMatch` (the app revision they expect).
 */
export class MiniReleaseClient extends VersionsClient {
  whoami(opts?: CallOptions): Promise<WhoAmI> {
    return this.http.json({ method: 'GET', path: '/v1/whoami', ...opts });
  }

  /** Admin only. The answer carries the secret, shown this once. */
  createToken(input: CreateTokenRequest, opts?: WriteOptions): Promise<CreatedToken> {
    return this.http.json({ method: 'POST', path: '/v1/tokens', json: input, ...opts });
  }

  listTokens(opts?: CallOptions): Promise<Page<Token>> {
    return this.http.json({ method: 'GET', path: '/v1/tokens', ...opts });
  }

  async revokeToken(id: string, opts?: WriteOptions): Promise<void> {
    await this.http.send({ method: 'DELETE', path: path`/v1/tokens/${id}`, ...opts });
  }

  /** The caller becomes the app's owner. */
  createApp(input: CreateAppRequest, opts?: WriteOptions): Promise<App> {
    return this.http.json({ method: 'POST', path: '/v1/apps', json: input, ...opts });
  }

  listApps(page: PageQuery = {}, opts?: CallOptions): Promise<Page<App>> {
    return this.http.json({ method: 'GET', path: '/v1/apps', query: { ...page }, ...opts });
  }

  getApp(appId: string, opts?: CallOptions): Promise<App> {
    return this.http.json({ method: 'GET', path: path`/v1/apps/${appId}`, ...opts });
  }

  updateApp(appId: string, patch: UpdateAppRequest, opts?: WriteOptions): Promise<App> {
    return this.http.json({ method: 'PATCH', path: path`/v1/apps/${appId}`, json: patch, ...opts });
  }

  setMember(appId: string, principal: string, role: AppRole, opts?: WriteOptions): Promise<App> {
    const route = path`/v1/apps/${appId}/members/${principal}`;
    return this.http.json({ method: 'PUT', path: route, json: { role }, ...opts });
  }

  removeMember(appId: string, principal: string, opts?: WriteOptions): Promise<App> {
    return this.http.json({ method: 'DELETE', path: path`/v1/apps/${appId}/members/${principal}`, ...opts });
  }

  /** Replaces the experiencer list (at most 50 user ids). */
  setExperiencers(appId: string, userIds: string[], opts?: WriteOptions): Promise<App> {
    const route = path`/v1/apps/${appId}/experiencers`;
    return this.http.json({ method: 'PUT', path: route, json: { userIds }, ...opts });
  }

  addQualification(appId: string, input: QualificationRequest, opts?: WriteOptions): Promise<App> {
    const route = path`/v1/apps/${appId}/qualifications`;
    return this.http.json({ method: 'POST', path: route, json: input, ...opts });
  }

  /** Removes a qualification document by its id (from `getApp(...).qualifications`). */
  removeQualification(appId: string, id: string, opts?: WriteOptions): Promise<App> {
    const route = path`/v1/apps/${appId}/qualifications/${id}`;
    return this.http.json({ method: 'DELETE', path: route, ...opts });
  }

  rollback(appId: string, input: RollbackRequest = {}, opts?: WriteOptions): Promise<App> {
    return this.http.json({ method: 'POST', path: path`/v1/apps/${appId}/rollback`, json: input, ...opts });
  }

  offline(appId: string, opts?: WriteOptions): Promise<App> {
    return this.http.json({ method: 'POST', path: path`/v1/apps/${appId}/offline`, ...opts });
  }

  online(appId: string, opts?: WriteOptions): Promise<App> {
    return this.http.json({ method: 'POST', path: path`/v1/apps/${appId}/online`, ...opts });
  }

  auditLog(appId: string, page: PageQuery = {}, opts?: CallOptions): Promise<Page<AuditRecord>> {
    return this.http.json({
      method: 'GET',
      path: path`/v1/apps/${appId}/audit-log`,
      query: { ...page },
      ...opts,
    });
  }

  /** Reviewer: the versions waiting for review. */
  reviewQueue(page: PageQuery = {}, opts?: CallOptions): Promise<Page<ReviewQueueItem>> {
    return this.http.json({ method: 'GET', path: '/v1/review-queue', query: { ...page }, ...opts });
  }
  /** The rejection catalog: the only codes a rejection takes, with zh/en labels and hints. */
  reviewReasons(opts?: CallOptions): Promise<ReviewReasons> {
    return this.http.json({ method: 'GET', path: '/v1/review-reasons', ...opts });
  }

  /** The app rules on a draft (name, brand, category, documents, release notes): findings, nothing created. */
  checkApp(input: AppCheckRequest, opts?: CallOptions): Promise<AppCheckResult> {
    return this.http.json({ method: 'POST', path: '/v1/checks/app', json: input, ...opts });
  }

  /** Every rule's zh/en text and hint, the categories and the documents each needs. */
  checkCatalog(opts?: CallOptions): Promise<CheckCatalog> {
    return this.http.json({ method: 'GET', path: '/v1/checks/catalog', ...opts });
  }

  /** A screenshot (PNG, JPEG or WebP, ≤ 2 MB); submit names it by the `sha256` answered. */
  uploadMaterial(appId: string, image: Uint8Array, opts?: CallOptions): Promise<Material> {
    const route = path`/v1/apps/${appId}/materials`;
    return this.http.json({
      method: 'POST',
      path: route,
      body: image,
      contentType: 'application/octet-stream',
      ...opts,
    });
  }

  /** The bytes of one of the app's screenshots (members and reviewers). */
  material(appId: string, sha256: string, opts?: CallOptions): Promise<Uint8Array> {
    return this.http.bytes({ method: 'GET', path: path`/v1/apps/${appId}/materials/${sha256}`, ...opts });
  }

  /** Admin: a host key for a host app to report events with; the answer carries the key, shown this once. */
  createHostKey(name: string, opts?: WriteOptions): Promise<CreatedHostKey> {
    return this.http.json({ method: 'POST', path: '/v1/host-keys', json: { name }, ...opts });
  }

  listHostKeys(opts?: CallOptions): Promise<Page<HostKey>> {
    return this.http.json({ method: 'GET', path: '/v1/host-keys', ...opts });
  }

  async revokeHostKey(id: string, opts?: WriteOptions): Promise<void> {
    await this.http.send({ method: 'DELETE', path: path`/v1/host-keys/${id}`, ...opts });
  }

  /** Gray against stable over the same minutes (DESIGN §10); `window` like `30m`, `6h`, `1d`. */
  health(
    appId: string,
    version: string,
    query: { window?: string; badRatio?: number; minLaunches?: number } = {},
    opts?: CallOptions,
  ): Promise<Health> {
    return this.http.json({
      method: 'GET',
      path: path`/v1/apps/${appId}/versions/${version}/health`,
      query: { ...query },
      ...opts,
    });
  }

  /** Owner: the gray plan of an approved or gray version (DESIGN §10); replaces the one it had. */
  setGrayPlan(appId: string, version: string, plan: GrayPlanRequest, opts?: WriteOptions): Promise<GrayPlan> {
    return this.http.json({
      method: 'PUT',
      path: path`/v1/apps/${appId}/versions/${version}/gray-plan`,
      json: plan,
      ...opts,
    });
  }

  /** The gray plan of a version and where it stands. */
  grayPlan(appId: string, version: string, opts?: CallOptions): Promise<GrayPlan> {
    return this.http.json({
      method: 'GET',
      path: path`/v1/apps/${appId}/versions/${version}/gray-plan`,
      ...opts,
    });
  }

  /** Owner: the plan stops acting; the version keeps its share. */
  pauseGrayPlan(appId: string, version: string, opts?: WriteOptions): Promise<GrayPlan> {
    return this.http.json({
      method: 'POST',
      path: path`/v1/apps/${appId}/versions/${version}/gray-plan/pause`,
      ...opts,
    });
  }

  /** Owner: a paused plan acts again; a halted one starts a fresh health test from now. */
  resumeGrayPlan(appId: string, version: string, opts?: WriteOptions): Promise<GrayPlan> {
    return this.http.json({
      method: 'POST',
      path: path`/v1/apps/${appId}/versions/${version}/gray-plan/resume`,
      ...opts,
    });
  }
}
