/**
 * Errors thrown by `@anguan/model`. Each failure is one class with a stable `code` (STYLE.md rule 8), so callers
 * switch on `error.code` rather than on messages.
 */

export type ModelErrorCode = 'invalid_doc_name' | 'invalid_value' | 'schema_too_new' | 'unknown_sheet';

export abstract class ModelError extends Error {
  abstract readonly code: ModelErrorCode;
}

/** A string that is not `<kind>:<id>` with a valid id for its kind. */
export class InvalidDocNameError extends ModelError {
  override readonly name = 'InvalidDocNameError';
  readonly code = 'invalid_doc_name';
  constructor(readonly docName: string) {
    super(`invalid document name: ${JSON.stringify(docName.slice(0, 140))}`);
  }
}

/** A writer was given a value its schema does not allow (bad date, hash, id, count…). Nothing was written. */
export class InvalidValueError extends ModelError {
  override readonly name = 'InvalidValueError';
  readonly code = 'invalid_value';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** The document was written by a newer app version (schema version above ours): open it read-only, ask to update. */
export class SchemaTooNewError extends ModelError {
  override readonly name = 'SchemaTooNewError';
  readonly code = 'schema_too_new';
  constructor(
    readonly docVersion: number,
    readonly knownVersion: number,
  ) {
    super(`document schema version ${docVersion} is newer than this app's ${knownVersion}`);
  }
}

/** A sheet writer was called with a sheet id the inspection does not have. */
export class UnknownSheetError extends ModelError {
  override readonly name = 'UnknownSheetError';
  readonly code = 'unknown_sheet';
  constructor(readonly sheetId: string) {
    super(`unknown sheet ${sheetId}`);
  }
}
