/**
 * The 标准化月评 uploads made on this device, so the page can show them (and keep syncing them) before the server
 * has them. The documents themselves live in y-indexeddb; this list only names them.
 *
 * @module
 */

export interface LocalUpload {
  docName: string;
  inspectionId: string;
  projectId: string;
  /** YYYY-MM. */
  month: string;
  date: string;
  selfScore: number | null;
  fileCount: number;
  /** ms since epoch. */
  createdAt: number;
  /** When the server confirmed the whole document; null while it still has to go up. */
  syncedAt: number | null;
}

/** localStorage key; `device-data.ts` clears it at logout. */
export const LOCAL_UPLOADS_KEY = 'anguan.monthlyUploads';

export function readLocalUploads(storage: Pick<Storage, 'getItem'>): LocalUpload[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(LOCAL_UPLOADS_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as LocalUpload[]) : [];
  } catch {
    return [];
  }
}

export function writeLocalUploads(storage: Pick<Storage, 'setItem'>, uploads: readonly LocalUpload[]): void {
  storage.setItem(LOCAL_UPLOADS_KEY, JSON.stringify(uploads));
}
