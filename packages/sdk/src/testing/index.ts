/** Test helpers for packages that test against the SDK's stand-in servers; not built, not shipped. */
export * from './manual-timers.js';
export * from './stub-server.js';
