import type * as Y from 'yjs';
import type { DocKind } from './doc-names.js';
import type { ValidationIssue } from './issues.js';
import { migrateDoc, type Migration } from './migrate.js';
import { INSPECTION_MIGRATIONS } from './inspection/migrations.js';
import { inspectionBlobRefs, inspectionToJSON, type InspectionJSON } from './inspection/to-json.js';
import { validateInspection } from './inspection/validate.js';
import { RECTIFICATION_MIGRATIONS } from './rectification/migrations.js';
import {
  rectificationBlobRefs,
  rectificationToJSON,
  type RectificationJSON,
} from './rectification/to-json.js';
import { validateRectification } from './rectification/validate.js';
import { PROJECT_MIGRATIONS } from './project/migrations.js';
import { projectDocBlobRefs, projectDocToJSON, type ProjectDocJSON } from './project/to-json.js';
import { validateProjectDoc } from './project/validate.js';

/** The JSON of any document kind, discriminated by `kind`. */
export type DocumentJSON = InspectionJSON | RectificationJSON | ProjectDocJSON;

interface KindSpec {
  readonly migrations: readonly Migration[];
  readonly toJSON: (doc: Y.Doc) => DocumentJSON;
  readonly validate: (doc: Y.Doc) => ValidationIssue[];
}

const KINDS: Readonly<Record<DocKind, KindSpec>> = {
  inspection: {
    migrations: INSPECTION_MIGRATIONS,
    toJSON: (d) => inspectionToJSON(d),
    validate: validateInspection,
  },
  rectification: {
    migrations: RECTIFICATION_MIGRATIONS,
    toJSON: (d) => rectificationToJSON(d),
    validate: validateRectification,
  },
  project: {
    migrations: PROJECT_MIGRATIONS,
    toJSON: (d) => projectDocToJSON(d),
    validate: validateProjectDoc,
  },
};

/**
 * Converts a document of any kind to its JSON (for the server's materializer, which knows the kind from the doc
 * name).
 *
 * @example
 * const json = documentToJSON(parseDocName(name).kind, doc);
 */
export const documentToJSON = (kind: DocKind, doc: Y.Doc): DocumentJSON => KINDS[kind].toJSON(doc);

/** Structural validation of a document of any kind. */
export const validateDocument = (kind: DocKind, doc: Y.Doc): ValidationIssue[] => KINDS[kind].validate(doc);

/** The ordered migrations of a kind (its schema version is the length). */
export const migrationsFor = (kind: DocKind): readonly Migration[] => KINDS[kind].migrations;

/** Brings a document of any kind to the current schema; see {@link migrateDoc}. */
export const migrateDocument = (kind: DocKind, doc: Y.Doc): string[] =>
  migrateDoc(doc, KINDS[kind].migrations);

/** Every blob hash (photos, scans) a document references: what the server authorizes blob reads against. */
export function documentBlobRefs(json: DocumentJSON): string[] {
  switch (json.kind) {
    case 'inspection':
      return inspectionBlobRefs(json);
    case 'rectification':
      return rectificationBlobRefs(json);
    case 'project':
      return projectDocBlobRefs(json);
  }
}
