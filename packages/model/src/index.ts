/**
 * `@anguan/model`: the Yjs document schema shared by the web app and the server — document names, named
 * transaction origins, the sync protocol's close codes and limits, and per kind (inspection, rectification,
 * project) the schema constants, typed readers and writers, validation, `toJSON` and migrations. Plain functions
 * only; the Svelte adapter wraps them (STYLE.md rule 2). Imports Yjs and nothing of the server or the web app.
 *
 * @example
 * const doc = new Y.Doc();
 * createInspection(doc, { projectId, origin: 'enterprise', method: 'jgj59', date: '2026-03-15', createdBy: userId });
 * const sheetId = addSheet(doc, { tableId: 'tower_crane' });
 * setDeduction(doc, sheetId, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.02', count: 2 });
 * inspectionToJSON(doc).sheets[0].deductions; // [{ ruleId: 'tower_crane.01.02', itemId: 'tower_crane.01', count: 2, points: null }]
 *
 * @module
 */

// Names, origins, protocol
export {
  DOC_KINDS,
  MAX_DOC_NAME_LENGTH,
  docName,
  inspectionDocName,
  rectificationDocName,
  projectDocName,
  parseDocName,
  tryParseDocName,
} from './doc-names.js';
export type { DocKind, DocName } from './doc-names.js';
export { ORIGINS, isLocalOrigin, isNamedOrigin, warnOnLocalWriteDuringRemoteApply } from './origins.js';
export type { Origin } from './origins.js';
export {
  SYNC_PATH,
  CLOSE_CODES,
  MAX_MESSAGE_BYTES,
  MAX_DOC_BYTES,
  MAX_PENDING_BYTES,
  MAX_PENDING_AGE_MS,
  MAX_AWARENESS_ENTRIES_PER_CONNECTION,
  MAX_AWARENESS_ENTRIES_PER_DOC,
  MAX_AWARENESS_STATE_BYTES,
  MAX_CONNECTIONS_PER_USER,
  MAX_BLOB_BYTES,
  BLOB_MEDIA_TYPES,
  MESSAGE_TYPES,
} from './protocol.js';
export type { CloseCode, BlobMediaType } from './protocol.js';
export { PRESENCE_COLORS, presenceColor, presenceUser } from './presence.js';
export type { PresenceUser } from './presence.js';

// Errors, validation, values
export {
  ModelError,
  InvalidDocNameError,
  InvalidValueError,
  SchemaTooNewError,
  UnknownSheetError,
} from './errors.js';
export type { ModelErrorCode } from './errors.js';
export type { ValidationIssue, ValidationCode } from './issues.js';
export { isUuid, isSha256Hex, isIsoDate, isCatalogId, newId } from './values.js';
export type { WriteOptions } from './write-options.js';

// Migrations and kind dispatch
export { migrateDoc, schemaVersionOf } from './migrate.js';
export type { Migration } from './migrate.js';
export {
  documentToJSON,
  validateDocument,
  migrationsFor,
  migrateDocument,
  documentBlobRefs,
} from './kinds.js';
export type { DocumentJSON } from './kinds.js';
export { IMMUTABLE_META_KEYS, isAllowedRoot, schemaChangeViolation } from './schema-guard.js';

// Inspection
export {
  INSPECTION_ORIGINS,
  INSPECTION_ORIGIN_LABELS,
  INSPECTION_METHODS,
  INSPECTION_METHOD_LABELS,
  INSPECTION_STATUSES,
  SHEET_METHODS,
  SHEET_FLAGS,
  INSPECTION_LIMITS,
  SCORING_POLICIES,
  DEFAULT_SCORING_POLICY,
  HAZARD_LEVELS,
  HAZARD_LEVEL_LABELS,
} from './inspection/schema.js';
export type {
  InspectionOrigin,
  InspectionMethod,
  InspectionStatus,
  SheetMethod,
  SheetFlag,
  InspectionMeta,
  Person,
  Inspector,
  RectificationRequest,
  TermEntry,
  TermPhoto,
  Sheet,
  Deduction,
  InternalFile,
  ScoringPolicy,
  TermHazardLevel,
} from './inspection/schema.js';
export { INSPECTION_MIGRATIONS, INSPECTION_SCHEMA_VERSION } from './inspection/migrations.js';
export {
  createInspection,
  setDate,
  setStatus,
  setInspector,
  removeInspector,
  setRemarks,
  setComment,
  setRectificationRequest,
  addTerm,
  removeTerm,
  setTermNote,
  setTermHazardLevel,
  setTermLocation,
  addTermPhoto,
  removeTermPhoto,
  addFile,
  removeFile,
} from './inspection/write.js';
export {
  addSheet,
  removeSheet,
  clearSheet,
  setSheetFlag,
  setItemNotApplicable,
  setDeduction,
  removeDeduction,
} from './inspection/write-sheets.js';
export type { NewInspection } from './inspection/write.js';
export {
  readMeta,
  readInspectors,
  readRemarks,
  readComment,
  readRectificationRequest,
  readTerms,
  readSheets,
  readSheet,
  readFiles,
} from './inspection/read.js';
export type { TermView, SheetView } from './inspection/read.js';
export { inspectionToJSON, inspectionBlobRefs } from './inspection/to-json.js';
export { readSelfScore, setSelfScore, isSelfScore } from './inspection/self-score.js';
export type { InspectionJSON } from './inspection/to-json.js';
export { validateInspection, checkInspectionReadyToSeal } from './inspection/validate.js';
export {
  inspectionScoringCatalog,
  inspectionScoreInput,
  unsavedSheets,
  sheetDisplayName,
} from './inspection/score-input.js';
export { observeInspection, observeSheet, observeTerms } from './inspection/observe.js';
export { observeInspectionParts } from './inspection/observe-parts.js';
export type { InspectionPartsChange } from './inspection/observe-parts.js';
export type { ChangeListener } from './inspection/observe.js';

// Rectification
export {
  RECTIFICATION_ROOTS,
  RECTIFICATION_STATUSES,
  RECTIFICATION_STATUS_LABELS,
  REVIEW_VERDICTS,
  RECTIFICATION_LIMITS,
} from './rectification/schema.js';
export type {
  FindingReply,
  Reply,
  Review,
  ReviewVerdict,
  RectificationStatus,
} from './rectification/schema.js';
export { findingKey, isFindingKey, inspectionFindingKeys } from './rectification/finding-key.js';
export type { FindingRef, FindingFields } from './rectification/finding-key.js';
export { replyProblems, replyPhotos } from './rectification/finding-replies.js';
export type { FindingReplyInput } from './rectification/write.js';
export { RECTIFICATION_MIGRATIONS, RECTIFICATION_SCHEMA_VERSION } from './rectification/migrations.js';
export { createRectification, setReply, addReview } from './rectification/write.js';
export { rectificationToJSON, rectificationBlobRefs } from './rectification/to-json.js';
export { rectificationStatus, currentReply, reviewsOf } from './rectification/status.js';
export type { RectificationJSON, ReplyJSON } from './rectification/to-json.js';
export { validateRectification } from './rectification/validate.js';

// Project
export { WORK_RECORD_TYPES, WORK_RECORD_LABELS, EQUIPMENT_TYPES } from './project/schema.js';
export type {
  DangerousWork,
  WorkRecord,
  WorkRecordType,
  Equipment,
  EquipmentType,
  EquipmentOperator,
  WorkParameter,
} from './project/schema.js';
export { PROJECT_MIGRATIONS, PROJECT_SCHEMA_VERSION } from './project/migrations.js';
export {
  initProjectDoc,
  setDangerousWork,
  removeDangerousWork,
  setWorkRecord,
  setEquipment,
  removeEquipment,
} from './project/write.js';
export { projectDocToJSON, projectDocBlobRefs } from './project/to-json.js';
export type { ProjectDocJSON, DangerousWorkJSON, EquipmentJSON } from './project/to-json.js';
export { validateProjectDoc } from './project/validate.js';
