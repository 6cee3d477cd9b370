import type { Migration } from '../migrate.js';

/** Ordered migrations of the project document; never edit a shipped entry. */
export const PROJECT_MIGRATIONS: readonly Migration[] = Object.freeze([
  { name: '0001-initial', up: () => {} },
  // Adds the `removedWorks` root (tombstones); nothing to convert, but older clients must not write the document.
  { name: '0002-work-tombstones', up: () => {} },
]);
export const PROJECT_SCHEMA_VERSION = PROJECT_MIGRATIONS.length;
