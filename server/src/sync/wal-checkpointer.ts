import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { DATABASE_FILE } from '../db/client.js';

/** How often the background thread checkpoints the WAL into the database file. */
export const WAL_CHECKPOINT_INTERVAL_MS = 1_000;

/**
 * Moves SQLite's WAL checkpoints off the event loop. With the default auto-checkpoint every ~1000 pages, the commit
 * that crosses the threshold copies the WAL into the database and fsyncs it on the main thread: a 10–50 ms stall of
 * every connection, once a second at a few hundred updates/s. Here the main connection never checkpoints
 * (`wal_autocheckpoint = 0`); a worker thread with its own connection runs `wal_checkpoint(PASSIVE)` (which never
 * blocks readers or writers) every {@link WAL_CHECKPOINT_INTERVAL_MS}. If the worker fails, auto-checkpointing is
 * switched back on, so the WAL can never grow without bound.
 */
export function startWalCheckpointer(
  sqlite: Database.Database,
  dataDir: string,
  log: (line: string) => void,
  intervalMs = WAL_CHECKPOINT_INTERVAL_MS,
): { stop(): Promise<void> } {
  const betterSqlite3 = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { betterSqlite3, file: path.join(dataDir, DATABASE_FILE), intervalMs },
  });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopping = false;
  const fallBack = (reason: string) => {
    if (stopping || !sqlite.open) return;
    log(`[sqlite] background checkpointer stopped (${reason}); checkpointing on commit again`);
    sqlite.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('message', (line: string) => log(`[sqlite] checkpoint: ${line}`));
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`exit ${code}`));
  return {
    async stop() {
      stopping = true;
      await worker.terminate();
    },
  };
}

/** The worker (CommonJS, evaluated): its own connection, a passive checkpoint per interval. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage(String(error && error.message));
  }
}, workerData.intervalMs);
`;
