/**
 * `@anguan/standards`: the pure domain layer of anguan. Identifier checks, account input rules, Asia/Shanghai
 * calendar helpers, standards catalogs and scoring. No I/O, no Yjs.
 *
 * @module
 */

// Errors
export {
  StandardsError,
  InvalidInputError,
  UnknownIdError,
  OutOfRangeError,
  DuplicateError,
  CatalogInvalidError,
  UnknownCatalogVersionError,
} from './errors.js';
export type { StandardsErrorCode } from './errors.js';

// Identifiers and account rules
export type { IdentifierErrorCode, IdentifierCheck } from './identifiers/check.js';
export { checkCreditCode } from './identifiers/credit-code.js';
export { checkResidentId, maskResidentId } from './identifiers/resident-id.js';
export { checkMobile } from './identifiers/mobile.js';
export {
  checkFilingNumber,
  FILING_NUMBER_MIN_LENGTH,
  FILING_NUMBER_MAX_LENGTH,
} from './identifiers/filing-number.js';
export { checkPassword, PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './identifiers/password.js';
export type { PasswordCheck } from './identifiers/password.js';
export { checkPasswordPolicy } from './identifiers/password-policy.js';
export type { PasswordPolicyCheck } from './identifiers/password-policy.js';

// Calendar
export { shanghaiDate, shanghaiMonth, SHANGHAI_OFFSET_MS } from './calendar/shanghai.js';

// Catalogs
export type {
  VerificationStatus,
  Verification,
  ItemGroup,
  DeductionRule,
  CheckItem,
  ScoreTable,
  SummaryCategory,
  GradeBand,
  ScoringRules,
  CatalogStandard,
  Provenance,
  ScoringCatalog,
  Jgj59Catalog,
  DustCatalog,
  HazardLevel,
  TermRelation,
  TermBranch,
  TermPhrase,
  TermNode,
  InspectionTermTree,
} from './catalog/types.js';
export { loadScoringCatalog } from './catalog/validate-scoring.js';
export { loadInspectionTermTree, walkTerms } from './catalog/validate-terms.js';
export { getJgj59Catalog, JGJ59_CATALOG_VERSIONS } from './jgj59/catalog.js';
export { getDustCatalog, DUST_CATALOG_VERSIONS } from './dust/catalog.js';
export { getInspectionTermTree, INSPECTION_TERM_TREE_VERSIONS } from './terms/catalog.js';

// Scoring
export type {
  MissingItemPolicy,
  DeductionInput,
  ItemInput,
  SheetInput,
  ScoreInput,
  DeductionResult,
  ItemResult,
  SheetZeroReason,
  SheetResult,
  CategoryResult,
  GradeResult,
  ScoreWarningCode,
  ScoreWarning,
  ScoreResult,
  NotApplicableReport,
} from './scoring/types.js';
export type { ExactScore } from './scoring/display.js';
export { formatScore } from './scoring/display.js';
export { scoreInspection } from './scoring/score.js';
export { scoreJgj59 } from './jgj59/score.js';
export type { Jgj59ScoreOptions } from './jgj59/score.js';
export { scoreDust } from './dust/score.js';
export type { DustScoreOptions } from './dust/score.js';

// 超危大工程 lifecycle gaps
export {
  dangerousWorkGaps,
  superDangerousCategoryName,
  SUPER_DANGEROUS_CATEGORIES,
  WORK_STEPS,
  WORK_STEP_NAMES,
  WORK_GAP_CODES,
} from './dangerous-works/gaps.js';
export type { WorkStep, WorkStepRecord, WorkSteps, WorkGap, WorkGapCode } from './dangerous-works/gaps.js';

// 建办质〔2018〕31号 附件2 items and thresholds
export {
  SUPER_DANGEROUS_ITEMS,
  SUPER_DANGEROUS_ITEMS_SOURCE,
  superDangerousItemsOf,
  superDangerousItem,
  reachesThreshold,
} from './dangerous-works/annex2.js';
export type {
  Annex2Condition,
  Annex2Threshold,
  Annex2Item,
  ThresholdStatus,
  ThresholdCheck,
  ThresholdParameters,
} from './dangerous-works/annex2.js';
