import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATABASE_FILE, openDatabase, type Database_ } from '../db/client.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

let dir = '';
let database: Database_ | null = null;
afterEach(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startWalCheckpointer', () => {
  it('checkpoints the WAL into the database file from a worker thread, never on commit', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'anguan-wal-'));
    database = openDatabase(dir);
    const checkpointer = startWalCheckpointer(database.sqlite, dir, () => {}, 20);
    expect(database.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const insert = database.sqlite.prepare(
      'INSERT INTO doc_updates (doc_name, seq, "update") VALUES (?, ?, ?)',
    );
    const before = statSync(path.join(dir, DATABASE_FILE)).size;
    for (let i = 0; i < 500; i++) insert.run('inspection:x', i + 1, Buffer.alloc(4096, i % 256));
    const deadline = Date.now() + 10_000;
    while (statSync(path.join(dir, DATABASE_FILE)).size < before + 1_000_000) {
      if (Date.now() > deadline) throw new Error('the WAL was never checkpointed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await checkpointer.stop();
  });
});
