export * from './accounts.js';
export * from './projects.js';
export * from './documents.js';
export * from './blobs.js';
export * from './inspections.js';
export * from './project-records.js';
export * from './rectifications.js';
export * from './inspection-deletions.js';
