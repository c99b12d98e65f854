export * from './backoff.js';
export * from './byte-range.js';
export * from './package-cache.js';
export * from './resolve-routes.js';
export * from './resolver-server.js';
export * from './resolver-state.js';
export * from './snapshot-file.js';
export * from './stream-client.js';
