export { MiniReleaseClient } from './api-client.js';
export {
  ApiError,
  type ApiErrorCode,
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  isApiError,
} from './api-error.js';
export { DataPlaneClient, type ResolveOptions } from './data-plane-client.js';
export { paginate } from './paginate.js';
export type { CallOptions, ClientOptions, WriteOptions } from './transport.js';
export { type UploadInput, VersionsClient } from './versions-client.js';
export * from './wire.js';
export * from './wire-requests.js';
