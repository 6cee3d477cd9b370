/**
 * What no update may do to a document, whatever its author: add a root its kind does not have, change metadata
 * fixed at creation, or set a schema version this build does not know (or lower it). The sync server checks every
 * update that could do so on a scratch copy before storing it (`server/src/sync/schema-check.ts`).
 */
import type * as Y from 'yjs';
import type { DocKind } from './doc-names.js';
import { migrationsFor } from './kinds.js';
import { META_ROOT, SCHEMA_VERSION_KEY } from './migrate.js';
import { META_KEYS, ROOTS, TERM_TEXT_PREFIXES, TEXTS } from './inspection/schema.js';
import { RECTIFICATION_META_KEYS, RECTIFICATION_ROOTS } from './rectification/schema.js';
import { PROJECT_META_KEYS, PROJECT_ROOTS } from './project/schema.js';
import { readRoot } from './text.js';
import { isCatalogId } from './values.js';

const FIXED_ROOTS: Readonly<Record<DocKind, ReadonlySet<string>>> = {
  inspection: new Set([...Object.values(ROOTS), ...Object.values(TEXTS)]),
  rectification: new Set(Object.values(RECTIFICATION_ROOTS)),
  project: new Set(Object.values(PROJECT_ROOTS)),
};

/** Meta keys set once at creation and never changed (the registry's view of the document depends on them). */
export const IMMUTABLE_META_KEYS: Readonly<Record<DocKind, readonly string[]>> = Object.freeze({
  inspection: [
    META_KEYS.projectId,
    META_KEYS.origin,
    META_KEYS.method,
    META_KEYS.createdAt,
    META_KEYS.createdBy,
  ],
  rectification: [
    RECTIFICATION_META_KEYS.inspectionId,
    RECTIFICATION_META_KEYS.projectId,
    RECTIFICATION_META_KEYS.createdAt,
    RECTIFICATION_META_KEYS.createdBy,
  ],
  project: [PROJECT_META_KEYS.projectId],
});

/**
 * Whether a document of `kind` may have a root named `name` (inspections have one note and one location text per
 * term).
 */
export function isAllowedRoot(kind: DocKind, name: string): boolean {
  if (FIXED_ROOTS[kind].has(name)) return true;
  if (kind !== 'inspection') return false;
  return TERM_TEXT_PREFIXES.some(
    (prefix) => name.startsWith(prefix) && isCatalogId(name.slice(prefix.length)),
  );
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/**
 * Why going from `before` to `after` (the same document with an update applied) breaks the schema of `kind`, or
 * null when it does not. Only new roots are refused, so a document that already holds one stays writable.
 */
export function schemaChangeViolation(kind: DocKind, before: Y.Doc, after: Y.Doc): string | null {
  for (const name of after.share.keys()) {
    if (!before.share.has(name) && !isAllowedRoot(kind, name)) return `unknown root "${name.slice(0, 64)}"`;
  }
  const was = readRoot(before, META_ROOT);
  const now = readRoot(after, META_ROOT);
  for (const key of IMMUTABLE_META_KEYS[kind]) {
    if (was.has(key) && !sameValue(was.get(key), now.get(key))) return `meta.${key} is immutable`;
  }
  const version = now.get(SCHEMA_VERSION_KEY);
  const previous = was.get(SCHEMA_VERSION_KEY);
  if (version === undefined) return previous === undefined ? null : 'meta.schemaVersion removed';
  if (typeof version !== 'number' || !Number.isInteger(version) || version > migrationsFor(kind).length) {
    return `meta.schemaVersion ${JSON.stringify(version)} unknown`;
  }
  if (typeof previous === 'number' && version < previous) return 'meta.schemaVersion lowered';
  return null;
}
