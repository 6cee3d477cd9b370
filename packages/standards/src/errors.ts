/**
 * Typed errors thrown by `@anguan/standards`. Each failure has its own small class with a discriminated `code`
 * and the `field` (a dotted path into the caller's input) that caused it, so a boundary can map it to a message
 * without parsing text.
 *
 * @module
 */

/** Every error code this package throws. */
export type StandardsErrorCode =
  | 'invalid_input'
  | 'unknown_id'
  | 'out_of_range'
  | 'duplicate'
  | 'catalog_invalid'
  | 'unknown_catalog_version';

/** Base class: catch this to catch every error of the package. */
export abstract class StandardsError extends Error {
  /** Discriminant for `switch` at a boundary. */
  abstract readonly code: StandardsErrorCode;
  /** Dotted path of the offending input field, e.g. `sheets[2].items[0].deductions[1].occurrences`. */
  readonly field: string;

  protected constructor(field: string, message: string) {
    super(message);
    this.field = field;
    this.name = new.target.name;
  }
}

/** A value has the wrong type or shape (not a Date, a non-integer count, a negative number …). */
export class InvalidInputError extends StandardsError {
  readonly code = 'invalid_input' as const;
  constructor(field: string, message: string) {
    super(field, message);
  }
}

/** An id (table, item, deduction row, checklist item) is not in the catalog used for scoring. */
export class UnknownIdError extends StandardsError {
  readonly code = 'unknown_id' as const;
  /** The id that was not found. */
  readonly id: string;
  constructor(field: string, id: string) {
    super(field, `Unknown id "${id}" at ${field}`);
    this.id = id;
  }
}

/** A number lies outside what the catalog allows (points outside 扣a～b分, more deduction than allowed …). */
export class OutOfRangeError extends StandardsError {
  readonly code = 'out_of_range' as const;
  constructor(field: string, message: string) {
    super(field, message);
  }
}

/** The same id appears twice where it must be unique (an item scored twice on one sheet). */
export class DuplicateError extends StandardsError {
  readonly code = 'duplicate' as const;
  constructor(field: string, id: string) {
    super(field, `Duplicate id "${id}" at ${field}`);
  }
}

/** Catalog data failed schema validation at load. */
export class CatalogInvalidError extends StandardsError {
  readonly code = 'catalog_invalid' as const;
  constructor(field: string, message: string) {
    super(field, `Catalog invalid at ${field}: ${message}`);
  }
}

/** A catalog version was requested that this package does not ship. */
export class UnknownCatalogVersionError extends StandardsError {
  readonly code = 'unknown_catalog_version' as const;
  constructor(field: string, version: string) {
    super(field, `Unknown catalog version "${version}"`);
  }
}
