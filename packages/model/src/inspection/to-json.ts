import type * as Y from 'yjs';
import type { IssueSink } from '../issues.js';
import { schemaVersionOf } from '../migrate.js';
import {
  readComment,
  readFiles,
  readInspectors,
  readMeta,
  readRectificationRequest,
  readRemarks,
  readSheets,
  readTerms,
  type SheetView,
  type TermView,
} from './read.js';
import { readSelfScore } from './self-score.js';
import type { InspectionMeta, InternalFile, Person, RectificationRequest } from './schema.js';

/**
 * The inspection as plain JSON: what the materializer stores and scores, what exports render. Arrays are sorted
 * by stable keys, so every device that holds the same document state produces the same JSON.
 */
export interface InspectionJSON {
  readonly kind: 'inspection';
  readonly schemaVersion: number;
  /** Null while the document has no valid metadata (not yet created or synced). */
  readonly meta: InspectionMeta | null;
  readonly inspectors: ReadonlyArray<Person & { key: string }>;
  readonly remarks: string;
  /** 评语. */
  readonly comment: string;
  readonly rectification: RectificationRequest;
  readonly terms: readonly TermView[];
  readonly sheets: readonly SheetView[];
  /** Internal-standard files including soft-deleted ones (`deletedAt` set). */
  readonly files: ReadonlyArray<InternalFile & { sha256: string }>;
  /** 标准化月评's self-score (meta `selfScore`), or null. */
  readonly selfScore: number | null;
}

/** Converts an inspection document to {@link InspectionJSON}; malformed entries are skipped (see `validate`). */
export function inspectionToJSON(doc: Y.Doc, issues?: IssueSink): InspectionJSON {
  return {
    kind: 'inspection',
    schemaVersion: schemaVersionOf(doc),
    meta: readMeta(doc, issues),
    inspectors: readInspectors(doc, issues),
    remarks: readRemarks(doc),
    comment: readComment(doc),
    rectification: readRectificationRequest(doc),
    terms: readTerms(doc, issues),
    sheets: readSheets(doc, issues),
    files: readFiles(doc, { includeDeleted: true }, issues),
    selfScore: readSelfScore(doc, issues),
  };
}

/** Every blob hash the inspection references (term photos and internal files, deleted ones included). */
export function inspectionBlobRefs(json: InspectionJSON): string[] {
  const hashes = new Set<string>();
  for (const term of json.terms) for (const photo of term.photos) hashes.add(photo.sha256);
  for (const file of json.files) hashes.add(file.sha256);
  return [...hashes].sort();
}
