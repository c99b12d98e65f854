export { API_VERSION, createApp, type CreateAppOptions, type MiniReleaseApp } from './create-app.js';
export { type RunningServer, type StartOptions, startServer } from './start-server.js';
export { openDatabase, type OpenDatabase, type DatabaseTarget } from './storage/database.js';
export { BlobStore } from './storage/blob-store.js';
export { PERMISSIONS, type Permission } from './auth/permissions.js';
export { ERROR_STATUS } from './http/error-status.js';
