// What the API embeds: the answers, their routes and the state they read.
export * from './embedded/answer-bodies.js';
export * from './embedded/byte-range.js';
export * from './embedded/fast-resolve.js';
export * from './embedded/package-routes.js';
export * from './embedded/resolve-routes.js';
export * from './embedded/resolver-state.js';
export * from './embedded/snapshot-codec.js';
export * from './embedded/tick-shapes.js';
// Both processes: one error handler and status table.
export * from './http/error-handler.js';
export * from './http/error-status.js';
export * from './http/request-log.js';
export * from './http/server-timeouts.js';
// Only the resolver process: following the API, the disk snapshot, the package cache.
export * from './process/backoff.js';
export * from './process/package-cache.js';
export * from './process/resolver-server.js';
export * from './process/snapshot-file.js';
export * from './process/stream-client.js';
