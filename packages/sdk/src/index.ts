export { type SseMessage, SseParser } from '@minirelease/core';
export { MiniReleaseClient } from './api-client.js';
export {
  ApiError,
  type ApiErrorCode,
  CLIENT_ERROR_CODES,
  type ClientErrorCode,
  isApiError,
} from './api-error.js';
export { DataPlaneClient, type ResolveOptions } from './data-plane-client.js';
export { type ExportBootstrapOptions, exportBootstrap } from './host/bootstrap.js';
export { type ConnectLocalOptions, connectLocal, type LocalConnection } from './host/connect-local.js';
export {
  createEventReporter,
  type EventDetail,
  type EventDrop,
  type EventDropReason,
  type EventReporter,
  type EventReporterOptions,
  type EventStats,
} from './host/event-reporter.js';
export type { ClearTimer, SetTimer, TimerHandle } from './host/event-sender.js';
export {
  createHostClient,
  type HostClient,
  type HostClientOptions,
  type HostEventsOptions,
} from './host/host-client.js';
export type { HostDocument, PersistedAnswer } from './host/host-document.js';
export * from './host/host-result.js';
export { type HostStore, memoryStore } from './host/host-store.js';
export {
  createLocalResolver,
  type LocalResolver,
  type LocalResolverOptions,
} from './host/local-resolver.js';
export { localStorageStore, type WebStorage } from './host/local-storage-store.js';
export { paginate } from './paginate.js';
export type { CallOptions, ClientOptions, WriteOptions } from './transport.js';
export { type UploadInput, VersionsClient } from './versions-client.js';
export * from './wire.js';
