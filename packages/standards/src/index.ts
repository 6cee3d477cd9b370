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

// Calendar
export { shanghaiDate, shanghaiMonth, SHANGHAI_OFFSET_MS } from './calendar/shanghai.js';
