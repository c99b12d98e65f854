import { DataPlaneClient } from './data-plane-client.js';
import { type CallOptions, path, type WriteOptions } from './transport.js';
import { progressStream } from './upload-body.js';
import type {
  App,
  GrayPercentage,
  Materials,
  Page,
  PageQuery,
  Report,
  ReviewRequest,
  UploadedVersion,
  Version,
} from './wire.js';

export interface UploadInput {
  /** `x.y.z`, greater than every version the app has. */
  version: string;
  /** Release notes, 30–500 characters. */
  description: string;
  zip: Uint8Array;
  /** Called as the bytes go out; with it the body is streamed (see `progressStream`). */
  onProgress?: ((sent: number, total: number) => void) | undefined;
}

/**
 * A version's life, from upload through review and gray to publish. Part of `MiniReleaseClient`, split out
 * by resource so each file stays readable; use `MiniReleaseClient`.
 */
export class VersionsClient extends DataPlaneClient {
  /** Uploads a zip as a new INIT version; the answer carries its pre-review report. */
  uploadVersion(appId: string, input: UploadInput, opts?: WriteOptions): Promise<UploadedVersion> {
    const { zip, onProgress } = input;
    return this.http.json({
      method: 'POST',
      path: path`/v1/apps/${appId}/versions`,
      query: { version: input.version, description: input.description },
      body: onProgress ? progressStream(zip, onProgress) : zip,
      contentType: 'application/zip',
      ...(onProgress ? { contentLength: zip.length } : {}),
      ...opts,
    });
  }

  listVersions(appId: string, page: PageQuery = {}, opts?: CallOptions): Promise<Page<Version>> {
    return this.http.json({
      method: 'GET',
      path: path`/v1/apps/${appId}/versions`,
      query: { ...page },
      ...opts,
    });
  }

  getVersion(appId: string, version: string, opts?: CallOptions): Promise<Version> {
    return this.http.json({ method: 'GET', path: path`/v1/apps/${appId}/versions/${version}`, ...opts });
  }

  report(appId: string, version: string, opts?: CallOptions): Promise<Report> {
    return this.http.json({
      method: 'GET',
      path: path`/v1/apps/${appId}/versions/${version}/report`,
      ...opts,
    });
  }

  /** Fixes the release notes of an INIT version without a new upload. */
  updateVersion(appId: string, version: string, patch: { description: string }, opts?: WriteOptions) {
    const route = path`/v1/apps/${appId}/versions/${version}`;
    return this.http.json<Version>({ method: 'PATCH', path: route, json: patch, ...opts });
  }

  /** Only an INIT version can be deleted. */
  async deleteVersion(appId: string, version: string, opts?: WriteOptions): Promise<void> {
    await this.http.send({ method: 'DELETE', path: path`/v1/apps/${appId}/versions/${version}`, ...opts });
  }

  setExperienceVersion(appId: string, version: string, opts?: WriteOptions): Promise<App> {
    return this.#versionAction(appId, version, 'experience', undefined, opts);
  }

  submit(appId: string, version: string, materials: Materials = {}, opts?: WriteOptions): Promise<Version> {
    return this.#versionAction(appId, version, 'submit', materials, opts);
  }

  cancelReview(appId: string, version: string, opts?: WriteOptions): Promise<Version> {
    return this.#versionAction(appId, version, 'cancel-review', undefined, opts);
  }

  review(appId: string, version: string, input: ReviewRequest, opts?: WriteOptions): Promise<Version> {
    return this.#versionAction(appId, version, 'review', input, opts);
  }

  /** Starts or widens the gray release; the share only grows (`GRAY_PERCENTAGE_NOT_INCREASING`). */
  gray(appId: string, version: string, percentage: GrayPercentage, opts?: WriteOptions): Promise<Version> {
    return this.#versionAction(appId, version, 'gray', { percentage }, opts);
  }

  cancelGray(appId: string, version: string, opts?: WriteOptions): Promise<Version> {
    return this.#versionAction(appId, version, 'cancel-gray', undefined, opts);
  }

  publish(appId: string, version: string, opts?: WriteOptions): Promise<Version> {
    return this.#versionAction(appId, version, 'publish', undefined, opts);
  }

  #versionAction<T>(appId: string, version: string, action: string, json: unknown, opts?: WriteOptions) {
    const route = path`/v1/apps/${appId}/versions/${version}/${action}`;
    return this.http.json<T>({ method: 'POST', path: route, json, ...opts });
  }
}
