/**
 * The inspection document (`inspection:<uuid>`): its root types, keys and value types. This file is the spec
 * (STYLE.md rule 3); readers, writers, validation and `toJSON` follow it.
 *
 * Layout. Concurrent edits must merge, and two peers that each create a nested shared type under the same key
 * offline lose one of them. So nothing nested is created under a shared key: every part of the inspection is a
 * **root** `Y.Map` whose keys are stable ids (composite ids joined with {@link KEY_SEPARATOR}) and whose values are
 * small plain objects (last writer wins per key), and every free text is a root `Y.Text`. Two inspectors editing
 * different items, terms, photos or flags never touch the same key.
 *
 * | root | type | key | value |
 * |---|---|---|---|
 * | `meta` | Y.Map | {@link META_KEYS} | see {@link InspectionMeta} |
 * | `inspectors` | Y.Map | person key (user id) | {@link Inspector} |
 * | `remarks`, `comment`, `rectificationRequirement` | Y.Text | | free text |
 * | `terms` | Y.Map | term id | {@link TermEntry} |
 * | `termPhotos` | Y.Map | `termId|sha256` | {@link TermPhoto} |
 * | `termNote:<termId>` | Y.Text | | the term's note |
 * | `termLocation:<termId>` | Y.Text | | the term's 楼栋/部位 |
 * | `sheets` | Y.Map | sheet id (UUID) | {@link Sheet} |
 * | `sheetFlags` | Y.Map | `sheetId|na`, `sheetId|done` | boolean |
 * | `itemFlags` | Y.Map | `sheetId|itemId` | boolean (item 缺项) |
 * | `deductions` | Y.Map | `sheetId|ruleId` | {@link Deduction} |
 * | `files` | Y.Map | sha256 | {@link InternalFile} |
 *
 * Concurrent edits of one key. Every map above is last-writer-wins **per key**, with Yjs' rule for concurrent
 * writes: of two `set`s of the same key that did not see each other, the one made by the peer with the **higher
 * `doc.clientID`** wins on every device, whatever order the updates arrive in. So two inspectors deducting the same
 * rule of the same sheet concurrently (key `sheetId|ruleId`) end with one value — the whole `{itemId, count,
 * points}` of the higher client id, never a mix or a sum — and the tap of the other is lost. A `delete` (undo)
 * removes only the values its peer had seen: a concurrent `set` of the same key survives it. Deductions of
 * different rules, items or sheets never interact.
 *
 * What scores. `inspectionScoreInput` (score-input.ts) turns a sheet into the engine's input: 缺项 (sheet or item)
 * wins over deductions recorded on it, so an inspector marking an item 缺项 while another deducts on it ends with
 * the item 缺项 (the deduction stays in the map, ignored, and reappears if the 缺项 mark is cleared).
 */

/** 检查来源: who ran the inspection. */
export const INSPECTION_ORIGINS = ['self', 'monthly', 'enterprise', 'spot'] as const;
export type InspectionOrigin = (typeof INSPECTION_ORIGINS)[number];
export const INSPECTION_ORIGIN_LABELS: Readonly<Record<InspectionOrigin, string>> = {
  self: '项目自查',
  monthly: '标准化月评',
  enterprise: '企业检查',
  spot: '安监抽查',
};

/** 检查方式: which standard the content follows. */
export const INSPECTION_METHODS = ['terms', 'internal', 'jgj59', 'dust'] as const;
export type InspectionMethod = (typeof INSPECTION_METHODS)[number];
export const INSPECTION_METHOD_LABELS: Readonly<Record<InspectionMethod, string>> = {
  terms: '检查用语（DGJ32/TJ218-2017）',
  internal: '企业内部标准',
  jgj59: 'JGJ59-2011',
  dust: '扬尘防治（DGJ32/J203-2016）',
};

/** The methods whose content is scored sheets (分项检查评分表). */
export const SHEET_METHODS = ['jgj59', 'dust'] as const satisfies readonly InspectionMethod[];
export type SheetMethod = (typeof SHEET_METHODS)[number];

/**
 * How 缺项 scores (`@anguan/standards` `MissingItemPolicy`): `provincial` (a 缺项 item or sheet counts as full
 * marks, as the provincial system does) or `strict` (JGJ 59's reading: left out and converted by A2). Set once at
 * creation from the enterprise setting and never changed; absent (documents created before the key) = provincial.
 */
export const SCORING_POLICIES = ['provincial', 'strict'] as const;
export type ScoringPolicy = (typeof SCORING_POLICIES)[number];
export const DEFAULT_SCORING_POLICY: ScoringPolicy = 'provincial';

/** `draft` while people edit; `completed` when the sheet was generated (the server then seals the document). */
export const INSPECTION_STATUSES = ['draft', 'completed'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Joins the parts of a composite map key. Catalog ids, UUIDs and hashes never contain it. */
export const KEY_SEPARATOR = '|';

export const ROOTS = Object.freeze({
  meta: 'meta',
  inspectors: 'inspectors',
  terms: 'terms',
  termPhotos: 'termPhotos',
  sheets: 'sheets',
  sheetFlags: 'sheetFlags',
  itemFlags: 'itemFlags',
  deductions: 'deductions',
  files: 'files',
} as const);

export const TEXTS = Object.freeze({
  remarks: 'remarks',
  /** 评语; required before a JGJ59/dust summary is saved. */
  comment: 'comment',
  /** 整改要求. */
  rectificationRequirement: 'rectificationRequirement',
} as const);

/** Prefix of the root `Y.Text` holding one term's note: `termNote:<termId>`. */
export const TERM_NOTE_PREFIX = 'termNote:';

/** Prefix of the root `Y.Text` holding one term's location (楼栋/部位): `termLocation:<termId>`. */
export const TERM_LOCATION_PREFIX = 'termLocation:';

/** Prefixes of the per-term text roots (one `Y.Text` per selected term and prefix). */
export const TERM_TEXT_PREFIXES = [TERM_NOTE_PREFIX, TERM_LOCATION_PREFIX] as const;

/**
 * 隐患级别 of a finding: 一般隐患 / 重大隐患 (the same ids as `@anguan/standards`' `HazardLevel`, which the model
 * may only import as a type).
 */
export const HAZARD_LEVELS = ['general', 'major'] as const;
export type TermHazardLevel = (typeof HAZARD_LEVELS)[number];
export const HAZARD_LEVEL_LABELS: Readonly<Record<TermHazardLevel, string>> = {
  general: '一般隐患',
  major: '重大隐患',
};

/** Keys of the `meta` map. */
export const META_KEYS = Object.freeze({
  schemaVersion: 'schemaVersion',
  projectId: 'projectId',
  origin: 'origin',
  method: 'method',
  /** YYYY-MM-DD (Asia/Shanghai). */
  date: 'date',
  status: 'status',
  /** Version id of the standards catalog the sheet/term ids refer to, e.g. `JGJ59-2011`. */
  catalogVersion: 'catalogVersion',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
  rectificationRequired: 'rectificationRequired',
  /** YYYY-MM-DD or null. */
  rectificationDeadline: 'rectificationDeadline',
  rectifier: 'rectifier',
  /** {@link ScoringPolicy}; written once by `createInspection`, absent = `provincial`. */
  scoringPolicy: 'scoringPolicy',
  /** 标准化月评: the project's own score from its evaluation form, 0–100 with at most one decimal, or null. */
  selfScore: 'selfScore',
} as const);

/** A person named on the inspection. */
export interface Person {
  /** anguan user id, or null for someone without an account. */
  readonly userId: string | null;
  readonly name: string;
}

export type Inspector = Person;

export interface InspectionMeta {
  readonly schemaVersion: number;
  readonly projectId: string;
  readonly origin: InspectionOrigin;
  readonly method: InspectionMethod;
  readonly date: string;
  readonly status: InspectionStatus;
  readonly catalogVersion: string | null;
  /** Immutable after creation; `provincial` when the document has no policy key. */
  readonly scoringPolicy: ScoringPolicy;
  /** ISO 8601 instant. */
  readonly createdAt: string;
  /** User id of the creator. */
  readonly createdBy: string;
}

export interface RectificationRequest {
  readonly required: boolean;
  readonly requirement: string;
  readonly deadline: string | null;
  readonly rectifier: Person | null;
}

/** A selected inspection term (DGJ32/TJ218-2017). */
export interface TermEntry {
  readonly addedAt: string;
  readonly addedBy: string;
  /**
   * The level the inspector chose; absent or null = the catalog phrase's default. Schema version 1 documents
   * have no such key, so no migration: readers treat absence as "catalog default". Setting it rewrites the whole
   * entry (last writer wins per term), and a concurrent removal of the term loses to it: the term comes back
   * without its photos and note, which the inspector sees and can remove again.
   */
  readonly hazardLevel?: TermHazardLevel | null;
}

export interface TermPhoto {
  readonly addedAt: string;
}

/** One 分项检查评分表 being filled; an inspection may have several sheets of the same table (e.g. two cranes). */
export interface Sheet {
  /** Catalog id of the sub-table, e.g. `tower_crane` (JGJ59 表B.x) or a dust table id. */
  readonly tableId: string;
  /** Optional label to tell sheets of one table apart (e.g. "1号塔吊"). */
  readonly label: string;
  readonly createdAt: string;
}

/** A chosen deduction rule (扣分标准) of one item. */
export interface Deduction {
  /** Catalog id of the item the rule belongs to. */
  readonly itemId: string;
  /** Occurrences (每处/每人/每项); 1 for a one-off rule. */
  readonly count: number;
  /** Points per occurrence the inspector chose within the rule's range (扣a～b分), or null for the fixed value. */
  readonly points: number | null;
}

/** A scan or photo of the paper checklist (internal standard). */
export interface InternalFile {
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly addedAt: string;
  readonly addedBy: string;
  /** Soft delete (audited in the document's history); null while present. */
  readonly deletedAt: string | null;
}

export const SHEET_FLAGS = ['na', 'done'] as const;
export type SheetFlag = (typeof SHEET_FLAGS)[number];

/** Limits the writers and the validator enforce. */
export const INSPECTION_LIMITS = Object.freeze({
  maxTextLength: 5000,
  maxNameLength: 100,
  maxDeductionCount: 999,
  maxDeductionPoints: 100,
});

export const key = (...parts: string[]): string => parts.join(KEY_SEPARATOR);

/** Splits a composite key into exactly `n` parts, or null. */
export function splitKey(composite: string, n: number): string[] | null {
  const parts = composite.split(KEY_SEPARATOR);
  return parts.length === n ? parts : null;
}
