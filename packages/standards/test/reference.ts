/**
 * Test-only access to the read-only reference data in `shared/standards/`. Tests may do I/O; `src` may not, so
 * this lives outside `src`.
 */
import { readFileSync } from 'node:fs';

const REFERENCE_DIR = new URL('../../../../shared/standards/', import.meta.url);

/** Parses one JSON file of the reference directory. */
export function readReferenceJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, REFERENCE_DIR), 'utf8'));
}

/** A vector the reference says must pass. */
export type ValidVector = { value: string; note?: string };
/** A vector the reference says must fail, with its reason. */
export type InvalidVector = { value: string; reason: string };

/** The shape of `identifiers.json` used by the tests. */
export type IdentifierVectors = {
  uscc: { valid: ValidVector[]; invalid: InvalidVector[]; weights: number[]; charset: string };
  residentId: { valid: ValidVector[]; invalid: InvalidVector[]; weights: number[] };
  mobile: { valid: string[]; invalid: InvalidVector[] };
};

/** The identifier test vectors of `shared/standards/identifiers.json`. */
export function identifierVectors(): IdentifierVectors {
  return readReferenceJson('identifiers.json') as IdentifierVectors;
}
