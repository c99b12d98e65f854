export { ERROR_STATUS } from '@minirelease/resolver';
export { type AdminResetOptions, type AdminResetResult, resetAdmin } from './admin-reset.js';
export { PERMISSIONS, type Permission } from './auth/permissions.js';
export { API_VERSION, type CreateAppOptions, createApp, type MiniReleaseApp } from './create-app.js';
export { AdminTokenFileError, type RunningServer, type StartOptions, startServer } from './start-server.js';
export { BlobStore } from './storage/blob-store.js';
export { type DatabaseTarget, type OpenDatabase, openDatabase } from './storage/database.js';
