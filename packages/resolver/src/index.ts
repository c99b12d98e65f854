export * from './resolve-routes.js';
export * from './resolver-state.js';
