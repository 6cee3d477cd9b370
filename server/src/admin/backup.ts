import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../db/client.js';
import { BlobStore } from '../blobs/store.js';
import { AdminError } from './supervisors.js';

export const MANIFEST_FILE = 'anguan-backup.json';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: { file: string; sha256: string; documents: number };
  blobs: { count: number; bytes: number; missing: string[] };
}

/**
 * `pnpm admin backup <dir>`: a consistent copy of DATA_DIR while the server keeps running.
 *
 * 1. The database through SQLite's online backup API, all pages in one step, so the copy is one read transaction:
 *    a single point in time even while the server commits (WAL readers never block the writer, nor it them).
 * 2. Then the blob files of every blob row in that copy. Blobs are content-addressed and written before their row,
 *    so each one the snapshot names was complete on disk at the snapshot; later uploads are not needed. A file the
 *    expiry sweep removed meanwhile (unreferenced, by definition) is listed as missing, not fatal.
 * 3. A manifest with the database's SHA-256, written last: a backup without it is incomplete.
 */
export async function backupDataDir(
  dataDir: string,
  targetDir: string,
  now = new Date(),
): Promise<BackupManifest> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new AdminError(`no database at ${source}`);
  if (existsSync(targetDir) && readdirSync(targetDir).length > 0) {
    throw new AdminError(`${targetDir} is not empty; back up into a new directory`);
  }
  mkdirSync(targetDir, { recursive: true });
  const target = path.join(targetDir, DATABASE_FILE);
  const sqlite = new Database(source, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    await sqlite.backup(target, { progress: () => 0x7fffffff });
  } finally {
    sqlite.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  let rows: { sha256: string; size: number }[];
  let documents: number;
  try {
    copy.pragma('journal_mode = DELETE');
    rows = copy.prepare<[], { sha256: string; size: number }>('SELECT sha256, size FROM blobs').all();
    documents = copy.prepare<[], { n: number }>('SELECT count(*) AS n FROM documents').get()?.n ?? 0;
  } finally {
    copy.close();
  }
  const blobs = copyBlobs(new BlobStore(dataDir), new BlobStore(targetDir), rows);
  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    database: { file: DATABASE_FILE, sha256: sha256File(target), documents },
    blobs,
  };
  writeFileSync(path.join(targetDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function copyBlobs(from: BlobStore, to: BlobStore, rows: readonly { sha256: string; size: number }[]) {
  const missing: string[] = [];
  let bytes = 0;
  for (const { sha256, size } of rows) {
    if (!from.has(sha256)) {
      missing.push(sha256);
      continue;
    }
    mkdirSync(path.dirname(to.pathOf(sha256)), { recursive: true });
    copyFileSync(from.pathOf(sha256), to.pathOf(sha256));
    bytes += size;
  }
  return { count: rows.length - missing.length, bytes, missing };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
