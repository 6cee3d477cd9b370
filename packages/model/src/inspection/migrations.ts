import type { Migration } from '../migrate.js';

/**
 * Ordered migrations of the inspection document; the schema version is this list's length. Never edit a shipped
 * entry: append a new one (STYLE.md rule 3).
 */
export const INSPECTION_MIGRATIONS: readonly Migration[] = Object.freeze([
  {
    name: '0001-initial',
    // Version 1 is the layout in schema.ts; roots need no creation, so there is nothing to do.
    up: () => {},
  },
]);

/** The schema version this code writes. */
export const INSPECTION_SCHEMA_VERSION = INSPECTION_MIGRATIONS.length;
