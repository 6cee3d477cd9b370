import { ApiError, type ImportRowError } from '$lib/api';

/** The per-row errors of a 422 `import_invalid`, or null for any other failure. */
export function importRows(error: unknown): ImportRowError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'import_invalid') return null;
  const rows = error.details.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}
