/**
 * What this device deleted (records and single files), so every list it shows — including answers kept in the
 * device cache for offline use, which the server can no longer correct — leaves them out at once. The server
 * hides them from everyone's fresh answers; this covers the copies already on the device.
 *
 * @module
 */
import type { InspectionListAnswer } from './list-types';

const KEY = 'anguan.deletedInspections';
/** Enough for months of deletions; the oldest are dropped first (fresh answers no longer hold them anyway). */
const MAX_ENTRIES = 500;

interface DeletedEntries {
  records: string[];
  /** `<inspection id>|<sha256>`. */
  files: string[];
}

function read(storage: Storage): DeletedEntries {
  try {
    const value = JSON.parse(storage.getItem(KEY) ?? 'null') as Partial<DeletedEntries> | null;
    return { records: value?.records ?? [], files: value?.files ?? [] };
  } catch {
    return { records: [], files: [] };
  }
}

function write(storage: Storage, entries: DeletedEntries): void {
  storage.setItem(
    KEY,
    JSON.stringify({
      records: entries.records.slice(-MAX_ENTRIES),
      files: entries.files.slice(-MAX_ENTRIES),
    }),
  );
}

export function rememberDeletedRecord(id: string, storage: Storage = localStorage): void {
  const entries = read(storage);
  if (!entries.records.includes(id)) write(storage, { ...entries, records: [...entries.records, id] });
}

export function rememberDeletedFile(id: string, sha256: string, storage: Storage = localStorage): void {
  const entries = read(storage);
  const entry = `${id}|${sha256}`;
  if (!entries.files.includes(entry)) write(storage, { ...entries, files: [...entries.files, entry] });
}

/** The answer without the records and files this device deleted (the total follows the rows left out). */
export function withoutDeleted(
  answer: InspectionListAnswer,
  storage: Storage = localStorage,
): InspectionListAnswer {
  const { records, files } = read(storage);
  if (records.length === 0 && files.length === 0) return answer;
  const goneRecords = new Set(records);
  const goneFiles = new Set(files);
  const inspections = answer.inspections
    .filter((row) => !goneRecords.has(row.id))
    .map((row) =>
      row.files ? { ...row, files: row.files.filter((f) => !goneFiles.has(`${row.id}|${f.sha256}`)) } : row,
    );
  return { ...answer, inspections, total: answer.total - (answer.inspections.length - inspections.length) };
}
