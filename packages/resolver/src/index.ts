export * from './resolver-state.js';
export * from './resolve-routes.js';
