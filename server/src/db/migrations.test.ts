import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverRoot } from '../server-root.js';
import { SqliteUpdateLog } from '../sync/update-log.js';
import { DATABASE_FILE, openDatabase } from './client.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'anguan-migrate-'));
  dirs.push(dir);
  return dir;
};

/** The committed migrations up to and including `lastTag`, in a folder of their own. */
function migrationsThrough(lastTag: string): string {
  const folder = tempDir();
  cpSync(path.join(serverRoot, 'drizzle'), folder, { recursive: true });
  const journalFile = path.join(folder, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe('migration 0002: doc_updates numbered per document, WITHOUT ROWID', () => {
  it('keeps every stored update of a database written before it, and appends go on after them', () => {
    const dataDir = tempDir();
    const old = new Database(path.join(dataDir, DATABASE_FILE));
    migrate(drizzle(old), { migrationsFolder: migrationsThrough('0001_sync') });
    // Before 0002, seq was one AUTOINCREMENT over all documents.
    const insert = old.prepare('INSERT INTO doc_updates (doc_name, "update") VALUES (?, ?)');
    for (const [doc, byte] of [['a', 1], ['b', 2], ['a', 3], ['b', 4], ['a', 5]] as const) {
      insert.run(`inspection:${doc}`, Buffer.from([byte]));
    }
    old.close();

    const database = openDatabase(dataDir);
    try {
      const table = database.sqlite
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'doc_updates'")
        .pluck()
        .get() as string;
      expect(table).toMatch(/WITHOUT ROWID/);
      const log = new SqliteUpdateLog(database.sqlite);
      const a = log.load('inspection:a');
      expect(a.updates.map((u) => [...u])).toEqual([[1], [3], [5]]);
      expect(a.lastSeq).toBe(5);
      expect(log.load('inspection:b')).toMatchObject({ lastSeq: 4 });
      expect(log.append('inspection:a', a.lastSeq, [Buffer.from([6])])).toBe(6);
      expect(log.load('inspection:a').updates.map((u) => [...u])).toEqual([[1], [3], [5], [6]]);
    } finally {
      database.close();
    }
  });
});
