export { PERMISSIONS, type Permission } from './auth/permissions.js';
export { API_VERSION, type CreateAppOptions, createApp, type MiniReleaseApp } from './create-app.js';
export { ERROR_STATUS } from './http/error-status.js';
export { type RunningServer, type StartOptions, startServer } from './start-server.js';
export { BlobStore } from './storage/blob-store.js';
export { type DatabaseTarget, type OpenDatabase, openDatabase } from './storage/database.js';
