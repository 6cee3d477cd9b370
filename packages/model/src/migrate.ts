import { readRoot } from './text.js';
import type * as Y from 'yjs';
import { SchemaTooNewError } from './errors.js';
import { ORIGINS } from './origins.js';

/**
 * One schema migration. Migrations are listed in order per document kind; the schema version is the list length
 * and a shipped migration is never edited (STYLE.md rule 3). `up` must be deterministic and idempotent: two
 * offline peers may run the same migration and their results merge.
 */
export interface Migration {
  /** `NNNN-what-it-does`, unique within its list. */
  readonly name: string;
  /** Runs inside the migration transaction; never creates nested shared types under fixed keys. */
  readonly up: (doc: Y.Doc) => void;
}

/** Every kind keeps `schemaVersion` (a number) in its root `meta` map. */
export const META_ROOT = 'meta';
export const SCHEMA_VERSION_KEY = 'schemaVersion';

/** The document's schema version; 0 for a document that has none yet (new or still loading). */
export function schemaVersionOf(doc: Y.Doc): number {
  const value = readRoot(doc, META_ROOT).get(SCHEMA_VERSION_KEY);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/**
 * Brings `doc` up to `migrations.length` in one transaction tagged {@link ORIGINS.migration}. Returns the names of
 * the migrations it ran (empty when already current).
 *
 * @throws SchemaTooNewError when the document is newer than `migrations` (open it read-only and ask for an update).
 * @example
 * migrateDoc(doc, INSPECTION_MIGRATIONS) // ['0001-initial'] for a document made by an older client
 */
export function migrateDoc(doc: Y.Doc, migrations: readonly Migration[]): string[] {
  const from = schemaVersionOf(doc);
  if (from > migrations.length) throw new SchemaTooNewError(from, migrations.length);
  if (from === migrations.length) return [];
  const pending = migrations.slice(from);
  doc.transact(() => {
    for (const migration of pending) migration.up(doc);
    doc.getMap(META_ROOT).set(SCHEMA_VERSION_KEY, migrations.length);
  }, ORIGINS.migration);
  return pending.map((m) => m.name);
}
