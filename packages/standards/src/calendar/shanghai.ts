/**
 * Calendar days and months in Asia/Shanghai. China has used UTC+8 with no daylight saving since 1991, so a fixed
 * offset is exact for every date the app handles and avoids depending on the runtime's time-zone database.
 *
 * @module
 */
import { InvalidInputError } from '../errors.js';

/** Offset of Asia/Shanghai from UTC, in milliseconds (UTC+8, no DST). */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

function shanghaiIso(at: Date, field: string): string {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    throw new InvalidInputError(field, 'Expected a valid Date');
  }
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString();
}

/**
 * The calendar day of an instant in Asia/Shanghai.
 *
 * @param at - Any instant.
 * @returns `'YYYY-MM-DD'`.
 * @throws {@link InvalidInputError} when `at` is not a valid Date.
 * @example shanghaiDate(new Date('2024-03-31T16:00:00Z')) // '2024-04-01'
 */
export function shanghaiDate(at: Date): string {
  return shanghaiIso(at, 'at').slice(0, 10);
}

/**
 * The calendar month of an instant in Asia/Shanghai (used for 标准化月评 periods).
 *
 * @param at - Any instant.
 * @returns `'YYYY-MM'`.
 * @throws {@link InvalidInputError} when `at` is not a valid Date.
 * @example shanghaiMonth(new Date('2024-01-31T16:00:00Z')) // '2024-02'
 */
export function shanghaiMonth(at: Date): string {
  return shanghaiIso(at, 'at').slice(0, 7);
}
