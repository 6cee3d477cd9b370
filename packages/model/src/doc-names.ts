import { InvalidDocNameError } from './errors.js';
import { isUuid } from './values.js';

/** The kinds of Yjs document anguan syncs; each has its own schema folder (DESIGN.md "Documents"). */
export const DOC_KINDS = ['inspection', 'rectification', 'project'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** A parsed document name: `<kind>:<id>`. */
export interface DocName {
  readonly kind: DocKind;
  /** The inspection UUID (lower case) for `inspection` and `rectification`; the project id for `project`. */
  readonly id: string;
}

/** Upper bound on a whole document name, so it fits comfortably in URLs and primary keys. */
export const MAX_DOC_NAME_LENGTH = 128;

/** Project ids are server-made: letters, digits, `-` and `_` only, so names stay URL- and path-safe. */
const PROJECT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * Builds a document name.
 *
 * @example
 * docName('inspection', '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e') // 'inspection:0b5c6d1e-…'
 * docName('project', 'p-320102-0001') // 'project:p-320102-0001'
 * @throws InvalidDocNameError when the id does not fit the kind (UUID for inspections and rectifications).
 */
export function docName(kind: DocKind, id: string): string {
  const name = `${kind}:${kind === 'project' ? id : id.toLowerCase()}`;
  parseDocName(name);
  return name;
}

/** `inspection:<uuid>` for a new or existing inspection. */
export const inspectionDocName = (inspectionId: string): string => docName('inspection', inspectionId);
/** `rectification:<inspection uuid>`: one rectification document per inspection. */
export const rectificationDocName = (inspectionId: string): string => docName('rectification', inspectionId);
/** `project:<project id>`: the project's 超危大 works and equipment. */
export const projectDocName = (projectId: string): string => docName('project', projectId);

/**
 * Parses a document name, or throws {@link InvalidDocNameError}. UUIDs must be lower case (as `docName` makes them),
 * so one document has exactly one name.
 */
export function parseDocName(name: string): DocName {
  const parsed = tryParseDocName(name);
  if (!parsed) throw new InvalidDocNameError(name);
  return parsed;
}

/** Like {@link parseDocName} but returns `null` instead of throwing (for routing untrusted input). */
export function tryParseDocName(name: string): DocName | null {
  if (name.length > MAX_DOC_NAME_LENGTH) return null;
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const id = name.slice(colon + 1);
  switch (kind) {
    case 'inspection':
    case 'rectification':
      return isUuid(id) && id === id.toLowerCase() ? { kind, id } : null;
    case 'project':
      return PROJECT_ID.test(id) ? { kind, id } : null;
    default:
      return null;
  }
}
