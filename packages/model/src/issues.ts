/** A problem found in a document: where, what (stable code), and a zh-CN message for people. */
export interface ValidationIssue {
  /** Dotted path into the document's JSON, e.g. `sheets.<id>.deductions.<ruleId>`. */
  readonly path: string;
  readonly code: ValidationCode;
  readonly message: string;
}

export type ValidationCode =
  | 'missing'
  | 'invalid'
  | 'malformed_entry'
  | 'comment_required'
  | 'rectification_incomplete'
  | 'no_inspector'
  | 'empty_content'
  | 'unsaved_sheets';

/** Collects issues while reading; readers skip malformed entries and report them here. @internal */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];
  add(path: string, code: ValidationCode, message: string): void {
    this.issues.push({ path, code, message });
  }
}

/** Reads a string field of an untrusted plain object. @internal */
export const str = (value: Record<string, unknown>, field: string): string | null =>
  typeof value[field] === 'string' ? (value[field] as string) : null;

/** Whether `value` is a plain (JSON) object. @internal */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
