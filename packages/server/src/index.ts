export { ERROR_STATUS } from '@minirelease/resolver';
export { PERMISSIONS, type Permission } from './auth/permissions.js';
export { API_VERSION, type CreateAppOptions, createApp, type MiniReleaseApp } from './create-app.js';
export { type RunningServer, type StartOptions, startServer } from './start-server.js';
export { BlobStore } from './storage/blob-store.js';
export { type DatabaseTarget, type OpenDatabase, openDatabase } from './storage/database.js';
