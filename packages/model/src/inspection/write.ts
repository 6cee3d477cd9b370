import * as Y from 'yjs';
import { deleteKeysWithPrefix, replaceText } from '../text.js';
import { isCatalogId, isIsoDate, isSha256Hex, newId } from '../values.js';
import { check, requireText, transact, type WriteOptions } from '../write-options.js';
import { INSPECTION_MIGRATIONS } from './migrations.js';
import {
  INSPECTION_LIMITS,
  INSPECTION_METHODS,
  INSPECTION_ORIGINS,
  INSPECTION_STATUSES,
  META_KEYS,
  ROOTS,
  SCORING_POLICIES,
  HAZARD_LEVELS,
  TERM_LOCATION_PREFIX,
  TERM_NOTE_PREFIX,
  TEXTS,
  key,
  type TermEntry,
  type TermHazardLevel,
  type InspectionMethod,
  type InspectionOrigin,
  type InspectionStatus,
  type InternalFile,
  type ScoringPolicy,
  type Person,
} from './schema.js';

/**
 * Typed writers of the inspection document. Each runs in one transaction with a named origin (default: local
 * user) and validates its input first, so an invalid call writes nothing (throws `InvalidValueError`).
 */

export interface NewInspection {
  readonly projectId: string;
  readonly origin: InspectionOrigin;
  readonly method: InspectionMethod;
  /** YYYY-MM-DD. */
  readonly date: string;
  /** User id of the creator. */
  readonly createdBy: string;
  /** Version id of the catalog (JGJ59 / dust / terms) the content refers to. */
  readonly catalogVersion?: string | null;
  /**
   * How 缺项 scores, from the enterprise setting at creation (`GET /api/inspections/scoring-policy`); immutable
   * afterwards (there is no writer for it). Default `provincial`.
   */
  readonly scoringPolicy?: ScoringPolicy;
}

/** Fills the metadata of a new inspection (the client made the UUID and the `Y.Doc`). */
export function createInspection(doc: Y.Doc, init: NewInspection, options: WriteOptions = {}): void {
  const projectId = requireText(init.projectId, 'projectId', 100);
  check(INSPECTION_ORIGINS.includes(init.origin), 'origin', 'unknown origin');
  check(INSPECTION_METHODS.includes(init.method), 'method', 'unknown method');
  check(isIsoDate(init.date), 'date', 'must be YYYY-MM-DD');
  const createdBy = requireText(init.createdBy, 'createdBy', 100);
  const scoringPolicy = init.scoringPolicy ?? 'provincial';
  check(SCORING_POLICIES.includes(scoringPolicy), 'scoringPolicy', 'unknown scoring policy');
  transact(doc, options, (at) => {
    const meta = doc.getMap(ROOTS.meta);
    meta.set(META_KEYS.schemaVersion, INSPECTION_MIGRATIONS.length);
    meta.set(META_KEYS.projectId, projectId);
    meta.set(META_KEYS.origin, init.origin);
    meta.set(META_KEYS.method, init.method);
    meta.set(META_KEYS.date, init.date);
    meta.set(META_KEYS.status, 'draft');
    meta.set(META_KEYS.catalogVersion, init.catalogVersion ?? null);
    meta.set(META_KEYS.createdAt, at);
    meta.set(META_KEYS.createdBy, createdBy);
    meta.set(META_KEYS.rectificationRequired, false);
    meta.set(META_KEYS.rectificationDeadline, null);
    meta.set(META_KEYS.rectifier, null);
    meta.set(META_KEYS.scoringPolicy, scoringPolicy);
  });
}

export function setDate(doc: Y.Doc, date: string, options: WriteOptions = {}): void {
  check(isIsoDate(date), 'date', 'must be YYYY-MM-DD');
  transact(doc, options, () => doc.getMap(ROOTS.meta).set(META_KEYS.date, date));
}

export function setStatus(doc: Y.Doc, status: InspectionStatus, options: WriteOptions = {}): void {
  check(INSPECTION_STATUSES.includes(status), 'status', 'unknown status');
  transact(doc, options, () => doc.getMap(ROOTS.meta).set(META_KEYS.status, status));
}

/** Adds (or renames) an inspector; `key` defaults to the user id. Returns the key. */
export function setInspector(
  doc: Y.Doc,
  person: Person & { key?: string },
  options: WriteOptions = {},
): string {
  const value = toPerson(person, 'inspector');
  const personKey = person.key ?? value.userId ?? newId();
  transact(doc, options, () => doc.getMap(ROOTS.inspectors).set(personKey, value));
  return personKey;
}

export function removeInspector(doc: Y.Doc, personKey: string, options: WriteOptions = {}): void {
  transact(doc, options, () => doc.getMap(ROOTS.inspectors).delete(personKey));
}

export function setRemarks(doc: Y.Doc, text: string, options: WriteOptions = {}): void {
  setRootText(doc, TEXTS.remarks, text, 'remarks', options);
}

/** 评语. */
export function setComment(doc: Y.Doc, text: string, options: WriteOptions = {}): void {
  setRootText(doc, TEXTS.comment, text, 'comment', options);
}

/** Sets the parts of the rectification request that are given; others stay as they are. */
export function setRectificationRequest(
  doc: Y.Doc,
  request: {
    required?: boolean;
    requirement?: string;
    deadline?: string | null;
    rectifier?: Person | null;
  },
  options: WriteOptions = {},
): void {
  const { required, requirement, deadline, rectifier } = request;
  if (required !== undefined) check(typeof required === 'boolean', 'required', 'must be a boolean');
  if (deadline != null) check(isIsoDate(deadline), 'deadline', 'must be YYYY-MM-DD');
  const person = rectifier == null ? rectifier : toPerson(rectifier, 'rectifier');
  if (requirement !== undefined) checkText(requirement, 'requirement');
  transact(doc, options, () => {
    const meta = doc.getMap(ROOTS.meta);
    if (required !== undefined) meta.set(META_KEYS.rectificationRequired, required);
    if (deadline !== undefined) meta.set(META_KEYS.rectificationDeadline, deadline);
    if (person !== undefined) meta.set(META_KEYS.rectifier, person);
    if (requirement !== undefined) replaceText(doc.getText(TEXTS.rectificationRequirement), requirement);
  });
}

// ── terms (检查用语) ─────────────────────────────────────────────────────────────────────────────────────────────

/** Selects a term (idempotent: selecting it again keeps the first selection's time). */
export function addTerm(doc: Y.Doc, termId: string, by: string, options: WriteOptions = {}): void {
  check(isCatalogId(termId), 'termId', 'invalid catalog id');
  transact(doc, options, (at) => {
    const terms = doc.getMap(ROOTS.terms);
    if (!terms.has(termId)) terms.set(termId, { addedAt: at, addedBy: by });
  });
}

/** Deselects a term and drops its photos and note. */
export function removeTerm(doc: Y.Doc, termId: string, options: WriteOptions = {}): void {
  transact(doc, options, () => {
    doc.getMap(ROOTS.terms).delete(termId);
    deleteKeysWithPrefix(doc.getMap(ROOTS.termPhotos), key(termId, ''));
    replaceText(doc.getText(TERM_NOTE_PREFIX + termId), '');
    replaceText(doc.getText(TERM_LOCATION_PREFIX + termId), '');
  });
}

/**
 * Sets a selected term's 隐患级别 (null = back to the catalog default). Throws when the term is not selected, so
 * a stale form cannot select a term by changing its level.
 */
export function setTermHazardLevel(
  doc: Y.Doc,
  termId: string,
  level: TermHazardLevel | null,
  options: WriteOptions = {},
): void {
  check(isCatalogId(termId), 'termId', 'invalid catalog id');
  check(level === null || HAZARD_LEVELS.includes(level), 'hazardLevel', 'unknown hazard level');
  const terms = doc.getMap<TermEntry>(ROOTS.terms);
  const current = terms.get(termId);
  check(current !== undefined, 'termId', 'term not selected');
  transact(doc, options, () => terms.set(termId, { ...current, hazardLevel: level }));
}

/** Sets a term's location (楼栋/部位), free text like the note. */
export function setTermLocation(doc: Y.Doc, termId: string, text: string, options: WriteOptions = {}): void {
  check(isCatalogId(termId), 'termId', 'invalid catalog id');
  check(
    typeof text === 'string' && text.length <= INSPECTION_LIMITS.maxNameLength * 2,
    'location',
    'too long',
  );
  setRootText(doc, TERM_LOCATION_PREFIX + termId, text, 'location', options);
}

export function setTermNote(doc: Y.Doc, termId: string, text: string, options: WriteOptions = {}): void {
  check(isCatalogId(termId), 'termId', 'invalid catalog id');
  setRootText(doc, TERM_NOTE_PREFIX + termId, text, 'note', options);
}

/** Attaches a photo (by blob hash) to a term; a set, so attaching twice is harmless. */
export function addTermPhoto(doc: Y.Doc, termId: string, sha256: string, options: WriteOptions = {}): void {
  check(isCatalogId(termId), 'termId', 'invalid catalog id');
  check(isSha256Hex(sha256), 'sha256', 'must be lower-case hex SHA-256');
  transact(doc, options, (at) => {
    const photos = doc.getMap(ROOTS.termPhotos);
    const photoKey = key(termId, sha256);
    if (!photos.has(photoKey)) photos.set(photoKey, { addedAt: at });
  });
}

export function removeTermPhoto(
  doc: Y.Doc,
  termId: string,
  sha256: string,
  options: WriteOptions = {},
): void {
  transact(doc, options, () => doc.getMap(ROOTS.termPhotos).delete(key(termId, sha256)));
}

// ── internal standard (企业内部标准) ───────────────────────────────────────────────────────────────────────────────

/** Adds a scan/photo of the paper checklist by blob hash (re-adding a soft-deleted file restores it). */
export function addFile(
  doc: Y.Doc,
  file: { sha256: string; name: string; mediaType: string; size: number; addedBy: string },
  options: WriteOptions = {},
): void {
  check(isSha256Hex(file.sha256), 'sha256', 'must be lower-case hex SHA-256');
  const name = requireText(file.name, 'name', 200);
  check(Number.isInteger(file.size) && file.size >= 0, 'size', 'must be a byte count');
  transact(doc, options, (at) => {
    const value: InternalFile = {
      name,
      mediaType: file.mediaType,
      size: file.size,
      addedAt: at,
      addedBy: file.addedBy,
      deletedAt: null,
    };
    doc.getMap(ROOTS.files).set(file.sha256, value);
  });
}

/** Soft-deletes a file: it stays in the document (and its history) with `deletedAt` set. */
export function removeFile(doc: Y.Doc, sha256: string, options: WriteOptions = {}): void {
  transact(doc, options, (at) => {
    const files = doc.getMap<InternalFile>(ROOTS.files);
    const current = files.get(sha256);
    if (current && current.deletedAt === null) files.set(sha256, { ...current, deletedAt: at });
  });
}

// ── helpers ───────────────────────────────────────────────────────────────────────────────────────────────────

function setRootText(doc: Y.Doc, name: string, text: string, field: string, options: WriteOptions): void {
  checkText(text, field);
  transact(doc, options, () => replaceText(doc.getText(name), text));
}

function checkText(text: unknown, field: string): void {
  check(typeof text === 'string', field, 'must be a string');
  check(text.length <= INSPECTION_LIMITS.maxTextLength, field, 'too long');
}

function toPerson(person: Person, field: string): Person {
  const name = requireText(person.name, `${field}.name`, INSPECTION_LIMITS.maxNameLength);
  check(
    person.userId === null || typeof person.userId === 'string',
    `${field}.userId`,
    'must be a string or null',
  );
  return { userId: person.userId, name };
}
