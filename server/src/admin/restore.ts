import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, openDatabase } from '../db/client.js';
import { MANIFEST_FILE, sha256File, type BackupManifest } from './backup.js';
import { runningPid } from './pid-file.js';
import { AdminError } from './supervisors.js';

export interface RestoreResult {
  /** Where the data that was in DATA_DIR went (nothing is deleted), or null when it was empty. */
  setAside: string | null;
  manifest: BackupManifest;
}

/**
 * `pnpm admin restore <dir> [--force]`: replaces DATA_DIR's database and blobs with a backup.
 *
 * Refuses while a server runs on DATA_DIR (its `anguan.pid` names a live process): that server would keep
 * writing to the database it has open and lose those writes at its next restart. `--force` skips the check — for a
 * pid file that outlived its server, never for a running one. What DATA_DIR held is moved to
 * `DATA_DIR/pre-restore-<time>/`, not deleted. The backup's database is checked against its manifest before, and
 * migrated and integrity-checked after.
 */
export function restoreDataDir(
  backupDir: string,
  dataDir: string,
  options: { force?: boolean; now?: Date } = {},
): RestoreResult {
  const manifest = readManifest(backupDir);
  const pid = runningPid(dataDir);
  if (pid !== null && !options.force) {
    throw new AdminError(
      `a server (pid ${pid}) is running on ${dataDir}: stop it first (or pass --force if that process is not anguan)`,
    );
  }
  const source = path.join(backupDir, manifest.database.file);
  if (sha256File(source) !== manifest.database.sha256) {
    throw new AdminError(`${source} does not match its manifest: the backup is damaged`);
  }
  mkdirSync(dataDir, { recursive: true });
  const setAside = moveAside(dataDir, options.now ?? new Date());
  cpSync(source, path.join(dataDir, DATABASE_FILE));
  const blobs = path.join(backupDir, 'blobs');
  if (existsSync(blobs)) cpSync(blobs, path.join(dataDir, 'blobs'), { recursive: true });
  const database = openDatabase(dataDir); // applies migrations newer than the backup
  try {
    const check = database.sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AdminError(`integrity check failed after restore: ${String(check)}`);
  } finally {
    database.close();
  }
  return { setAside, manifest };
}

function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, MANIFEST_FILE);
  if (!existsSync(file)) throw new AdminError(`${file} is missing: not a complete anguan backup`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new AdminError(`unknown backup format ${String(manifest.format)}`);
  return manifest;
}

function moveAside(dataDir: string, now: Date): string | null {
  const names = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, 'blobs'];
  const present = names.filter((name) => existsSync(path.join(dataDir, name)));
  if (present.length === 0) return null;
  const aside = path.join(dataDir, `pre-restore-${now.toISOString().replace(/[:.]/g, '-')}`);
  mkdirSync(aside);
  for (const name of present) renameSync(path.join(dataDir, name), path.join(aside, name));
  return aside;
}
