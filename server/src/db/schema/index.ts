export * from './accounts.js';
export * from './projects.js';
export * from './documents.js';
export * from './blobs.js';
export * from './security.js';
