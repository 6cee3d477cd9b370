import { readRoot, readRootText } from '../text.js';
import type * as Y from 'yjs';
import { IssueSink, isRecord, str } from '../issues.js';
import { schemaVersionOf } from '../migrate.js';
import { isCatalogId, isIsoDate, isSha256Hex } from '../values.js';
import {
  INSPECTION_METHODS,
  INSPECTION_ORIGINS,
  INSPECTION_STATUSES,
  DEFAULT_SCORING_POLICY,
  META_KEYS,
  SCORING_POLICIES,
  ROOTS,
  HAZARD_LEVELS,
  TERM_LOCATION_PREFIX,
  TERM_NOTE_PREFIX,
  TEXTS,
  key,
  splitKey,
  type TermHazardLevel,
  type Deduction,
  type InspectionMeta,
  type InternalFile,
  type Person,
  type RectificationRequest,
  type Sheet,
} from './schema.js';

/**
 * Typed readers of the inspection document. Documents arrive from other devices, so every value is checked: a
 * malformed entry is skipped (and reported to `issues` when given) rather than trusted.
 */

/** The metadata, or null while the document has no (valid) metadata yet, e.g. before the first sync. */
export function readMeta(doc: Y.Doc, issues?: IssueSink): InspectionMeta | null {
  const meta = readRoot(doc, ROOTS.meta);
  const get = (k: string) => meta.get(k);
  const projectId = get(META_KEYS.projectId);
  const origin = get(META_KEYS.origin);
  const method = get(META_KEYS.method);
  const date = get(META_KEYS.date);
  const status = get(META_KEYS.status);
  const catalogVersion = get(META_KEYS.catalogVersion);
  const scoringPolicy = get(META_KEYS.scoringPolicy) ?? DEFAULT_SCORING_POLICY;
  const bad = (field: string) => issues?.add(`meta.${field}`, 'invalid', `检查信息字段 ${field} 无效`);
  let ok = true;
  if (typeof projectId !== 'string' || projectId === '') ok = (bad('projectId'), false);
  if (!INSPECTION_ORIGINS.includes(origin as never)) ok = (bad('origin'), false);
  if (!INSPECTION_METHODS.includes(method as never)) ok = (bad('method'), false);
  if (!isIsoDate(date)) ok = (bad('date'), false);
  // An unknown policy would score under rules nobody chose, so it makes the metadata invalid, not provincial.
  if (!SCORING_POLICIES.includes(scoringPolicy as never)) ok = (bad('scoringPolicy'), false);
  if (!ok) return null;
  return {
    schemaVersion: schemaVersionOf(doc),
    projectId: projectId as string,
    origin: origin as InspectionMeta['origin'],
    method: method as InspectionMeta['method'],
    date: date as string,
    status: INSPECTION_STATUSES.includes(status as never) ? (status as InspectionMeta['status']) : 'draft',
    catalogVersion: typeof catalogVersion === 'string' ? catalogVersion : null,
    scoringPolicy: scoringPolicy as InspectionMeta['scoringPolicy'],
    createdAt: stringOr(get(META_KEYS.createdAt), ''),
    createdBy: stringOr(get(META_KEYS.createdBy), ''),
  };
}

/** Inspectors sorted by key (the same order on every device; the UI may sort by name). */
export function readInspectors(doc: Y.Doc, issues?: IssueSink): Array<Person & { key: string }> {
  const result: Array<Person & { key: string }> = [];
  readRoot(doc, ROOTS.inspectors).forEach((value, personKey) => {
    const person = toPerson(value);
    if (person) result.push({ key: personKey, ...person });
    else issues?.add(`inspectors.${personKey}`, 'malformed_entry', '检查人员记录无效');
  });
  return result.sort((a, b) => cmp(a.key, b.key));
}

export const readRemarks = (doc: Y.Doc): string => readRootText(doc, TEXTS.remarks);
/** 评语. */
export const readComment = (doc: Y.Doc): string => readRootText(doc, TEXTS.comment);

export function readRectificationRequest(doc: Y.Doc): RectificationRequest {
  const meta = readRoot(doc, ROOTS.meta);
  const deadline = meta.get(META_KEYS.rectificationDeadline);
  return {
    required: meta.get(META_KEYS.rectificationRequired) === true,
    requirement: readRootText(doc, TEXTS.rectificationRequirement),
    deadline: isIsoDate(deadline) ? deadline : null,
    rectifier: toPerson(meta.get(META_KEYS.rectifier)),
  };
}

export interface TermView {
  readonly termId: string;
  readonly addedAt: string;
  readonly addedBy: string;
  readonly note: string;
  /** 隐患级别 the inspector chose, or null for the catalog phrase's default. */
  readonly hazardLevel: TermHazardLevel | null;
  /** 楼栋/部位 ('' when not given). */
  readonly location: string;
  /** Photos by blob hash, oldest first. */
  readonly photos: ReadonlyArray<{ sha256: string; addedAt: string }>;
}

/** Selected terms with their photos and notes, in selection order. */
export function readTerms(doc: Y.Doc, issues?: IssueSink): TermView[] {
  const photosByTerm = new Map<string, Array<{ sha256: string; addedAt: string }>>();
  readRoot(doc, ROOTS.termPhotos).forEach((value, photoKey) => {
    const [termId, sha256] = splitKey(photoKey, 2) ?? [];
    if (!termId || !isSha256Hex(sha256) || !isRecord(value)) {
      issues?.add(`termPhotos.${photoKey}`, 'malformed_entry', '照片记录无效');
      return;
    }
    const list = photosByTerm.get(termId) ?? [];
    list.push({ sha256, addedAt: str(value, 'addedAt') ?? '' });
    photosByTerm.set(termId, list);
  });
  const terms: TermView[] = [];
  readRoot(doc, ROOTS.terms).forEach((value, termId) => {
    if (!isCatalogId(termId) || !isRecord(value)) {
      issues?.add(`terms.${termId}`, 'malformed_entry', '检查用语记录无效');
      return;
    }
    const photos = (photosByTerm.get(termId) ?? []).sort(
      (a, b) => cmp(a.addedAt, b.addedAt) || cmp(a.sha256, b.sha256),
    );
    terms.push({
      termId,
      addedAt: str(value, 'addedAt') ?? '',
      addedBy: str(value, 'addedBy') ?? '',
      note: readRootText(doc, TERM_NOTE_PREFIX + termId),
      hazardLevel: hazardLevelOf(value, termId, issues),
      location: readRootText(doc, TERM_LOCATION_PREFIX + termId),
      photos,
    });
  });
  return terms.sort((a, b) => cmp(a.addedAt, b.addedAt) || cmp(a.termId, b.termId));
}

export interface SheetView extends Sheet {
  readonly sheetId: string;
  /** The whole sub-table is 缺项. */
  readonly notApplicable: boolean;
  /** 保存该项 was pressed. */
  readonly done: boolean;
  /** Item ids marked 缺项, sorted. */
  readonly notApplicableItems: readonly string[];
  /** Chosen rules, sorted by rule id. */
  readonly deductions: ReadonlyArray<Deduction & { ruleId: string }>;
}

/** All sheets, oldest first. */
export function readSheets(doc: Y.Doc, issues?: IssueSink): SheetView[] {
  const sheets: SheetView[] = [];
  readRoot(doc, ROOTS.sheets).forEach((value, sheetId) => {
    const sheet = readSheetValue(value);
    if (sheet) sheets.push(readSheetParts(doc, sheetId, sheet, issues));
    else issues?.add(`sheets.${sheetId}`, 'malformed_entry', '评分表记录无效');
  });
  return sheets.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.sheetId, b.sheetId));
}

/** One sheet, or null when the inspection has no such sheet. */
export function readSheet(doc: Y.Doc, sheetId: string): SheetView | null {
  const sheet = readSheetValue(readRoot(doc, ROOTS.sheets).get(sheetId));
  return sheet ? readSheetParts(doc, sheetId, sheet) : null;
}

/** Internal-standard files by hash, oldest first; soft-deleted ones only when `includeDeleted`. */
export function readFiles(
  doc: Y.Doc,
  options: { includeDeleted?: boolean } = {},
  issues?: IssueSink,
): Array<InternalFile & { sha256: string }> {
  const files: Array<InternalFile & { sha256: string }> = [];
  readRoot(doc, ROOTS.files).forEach((value, sha256) => {
    if (!isSha256Hex(sha256) || !isRecord(value) || typeof value.size !== 'number') {
      issues?.add(`files.${sha256}`, 'malformed_entry', '附件记录无效');
      return;
    }
    const deletedAt = str(value, 'deletedAt');
    if (deletedAt !== null && !options.includeDeleted) return;
    files.push({
      sha256,
      name: str(value, 'name') ?? '',
      mediaType: str(value, 'mediaType') ?? '',
      size: value.size,
      addedAt: str(value, 'addedAt') ?? '',
      addedBy: str(value, 'addedBy') ?? '',
      deletedAt,
    });
  });
  return files.sort((a, b) => cmp(a.addedAt, b.addedAt) || cmp(a.sha256, b.sha256));
}

function readSheetValue(value: unknown): Sheet | null {
  if (!isRecord(value) || !isCatalogId(value.tableId)) return null;
  return {
    tableId: value.tableId,
    label: str(value, 'label') ?? '',
    createdAt: str(value, 'createdAt') ?? '',
  };
}

function readSheetParts(doc: Y.Doc, sheetId: string, sheet: Sheet, issues?: IssueSink): SheetView {
  const prefix = key(sheetId, '');
  const flags = readRoot(doc, ROOTS.sheetFlags);
  const notApplicableItems: string[] = [];
  readRoot(doc, ROOTS.itemFlags).forEach((value, k) => {
    if (k.startsWith(prefix) && value === true) notApplicableItems.push(k.slice(prefix.length));
  });
  const deductions: Array<Deduction & { ruleId: string }> = [];
  readRoot(doc, ROOTS.deductions).forEach((value, k) => {
    if (!k.startsWith(prefix)) return;
    const ruleId = k.slice(prefix.length);
    const deduction = toDeduction(value);
    if (deduction && isCatalogId(ruleId)) deductions.push({ ruleId, ...deduction });
    else issues?.add(`sheets.${sheetId}.deductions.${ruleId}`, 'malformed_entry', '扣分记录无效');
  });
  return {
    sheetId,
    ...sheet,
    notApplicable: flags.get(key(sheetId, 'na')) === true,
    done: flags.get(key(sheetId, 'done')) === true,
    notApplicableItems: notApplicableItems.sort(cmp),
    deductions: deductions.sort((a, b) => cmp(a.ruleId, b.ruleId)),
  };
}

function toDeduction(value: unknown): Deduction | null {
  if (!isRecord(value) || !isCatalogId(value.itemId)) return null;
  const { count, points } = value;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return null;
  if (points !== null && (typeof points !== 'number' || !Number.isFinite(points) || points < 0)) return null;
  return { itemId: value.itemId, count, points };
}

function toPerson(value: unknown): Person | null {
  if (!isRecord(value) || typeof value.name !== 'string') return null;
  return { name: value.name, userId: typeof value.userId === 'string' ? value.userId : null };
}

const stringOr = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** Code-unit order: the same on every device, unlike locale order for ids. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function hazardLevelOf(
  entry: Record<string, unknown>,
  termId: string,
  issues?: IssueSink,
): TermHazardLevel | null {
  const level = entry.hazardLevel;
  if (level === undefined || level === null) return null;
  if ((HAZARD_LEVELS as readonly unknown[]).includes(level)) return level as TermHazardLevel;
  issues?.add(`terms.${termId}.hazardLevel`, 'invalid', '隐患级别无效');
  return null;
}
