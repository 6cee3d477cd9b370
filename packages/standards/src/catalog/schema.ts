/**
 * Minimal hand-written schema readers for catalog JSON. Each reader checks one field and throws
 * {@link CatalogInvalidError} naming its path, so a bad catalog fails at load with a precise message.
 *
 * @internal
 * @module
 */
import { CatalogInvalidError } from '../errors.js';

/** A JSON object being read, with its path for error messages. */
export type Obj = { readonly path: string; readonly value: Record<string, unknown> };

/** Reads `value` as a plain object. */
export function asObject(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CatalogInvalidError(path, 'expected an object');
  }
  return { path, value: value as Record<string, unknown> };
}

/** Reads `o[key]` as a nested object. */
export function objectAt(o: Obj, key: string): Obj {
  return asObject(o.value[key], `${o.path}.${key}`);
}

/** Reads `o[key]` as an array and maps each element with its path. */
export function arrayAt<T>(o: Obj, key: string, read: (v: unknown, path: string) => T): T[] {
  const value = o.value[key];
  if (!Array.isArray(value)) throw new CatalogInvalidError(`${o.path}.${key}`, 'expected an array');
  return value.map((v, i) => read(v, `${o.path}.${key}[${i}]`));
}

/** Reads `value` as a non-empty string. */
export function asString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new CatalogInvalidError(path, 'expected a non-empty string');
  }
  return value;
}

/** Reads `o[key]` as a non-empty string. */
export function stringAt(o: Obj, key: string): string {
  return asString(o.value[key], `${o.path}.${key}`);
}

/** Reads `o[key]` as a string or null (a missing key reads as null). */
export function stringOrNullAt(o: Obj, key: string): string | null {
  return o.value[key] === undefined || o.value[key] === null ? null : stringAt(o, key);
}

/** Reads `o[key]` as a boolean. */
export function booleanAt(o: Obj, key: string): boolean {
  const value = o.value[key];
  if (typeof value !== 'boolean') throw new CatalogInvalidError(`${o.path}.${key}`, 'expected a boolean');
  return value;
}

/**
 * Reads `o[key]` as a non-negative number of points in whole tenths, the resolution the engine computes in.
 */
export function pointsAt(o: Obj, key: string): number {
  const value = o.value[key];
  if (typeof value !== 'number' || !isTenths(value) || value < 0) {
    throw new CatalogInvalidError(`${o.path}.${key}`, 'expected non-negative points in whole tenths');
  }
  return value;
}

/** Reads `o[key]` as one of `allowed`. */
export function enumAt<T extends string>(o: Obj, key: string, allowed: readonly T[]): T {
  const value = o.value[key];
  if (!allowed.includes(value as T)) {
    throw new CatalogInvalidError(`${o.path}.${key}`, `expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Reads `o[key]` as one of `allowed` or null. */
export function enumOrNullAt<T extends string>(o: Obj, key: string, allowed: readonly T[]): T | null {
  return o.value[key] === null || o.value[key] === undefined ? null : enumAt(o, key, allowed);
}

/** Whether `value` is a finite number with at most one decimal (within floating-point noise). */
export function isTenths(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** Converts points to integer tenths; callers check {@link isTenths} first. */
export function toTenths(points: number): number {
  return Math.round(points * 10);
}

/** Throws {@link CatalogInvalidError} unless `condition` holds. */
export function ensure(condition: boolean, path: string, message: string): void {
  if (!condition) throw new CatalogInvalidError(path, message);
}

/** Freezes an object graph so shared catalogs cannot be mutated by a caller. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
