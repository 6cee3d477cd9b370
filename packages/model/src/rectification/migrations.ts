import type { Migration } from '../migrate.js';

/** Ordered migrations of the rectification document; never edit a shipped entry. */
export const RECTIFICATION_MIGRATIONS: readonly Migration[] = Object.freeze([
  { name: '0001-initial', up: () => {} },
]);
export const RECTIFICATION_SCHEMA_VERSION = RECTIFICATION_MIGRATIONS.length;
