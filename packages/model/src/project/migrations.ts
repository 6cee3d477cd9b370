import type { Migration } from '../migrate.js';

/** Ordered migrations of the project document; never edit a shipped entry. */
export const PROJECT_MIGRATIONS: readonly Migration[] = Object.freeze([
  { name: '0001-initial', up: () => {} },
]);
export const PROJECT_SCHEMA_VERSION = PROJECT_MIGRATIONS.length;
