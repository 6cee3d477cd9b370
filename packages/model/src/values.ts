/** Small value checks shared by the schemas. @internal */

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An RFC 4122 / 9562 UUID (versions 1–8), any case. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A blob address: lower-case hex SHA-256 (64 characters). */
export const isSha256Hex = (value: unknown): value is string =>
  typeof value === 'string' && SHA256_HEX.test(value);

/** A calendar day `YYYY-MM-DD` that exists (Asia/Shanghai days are plain calendar days). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A non-empty id from a standards catalog (`safety_management.01.03`, a term code…): printable, no separators. */
export const isCatalogId = (value: unknown): value is string =>
  typeof value === 'string' && /^[A-Za-z0-9_.-]{1,80}$/.test(value);

/** Makes a fresh lower-case UUID v4 (`crypto.randomUUID`, available in browsers and Node ≥ 19). */
export const newId = (): string => globalThis.crypto.randomUUID();
