/**
 * The server's features over one data directory, without its background work: no listening socket, no alert
 * scheduler, no materializer catch-up. `startServer` runs a full alert pass at start and one per project after
 * each import; over 20,000 projects (and without indexes) that pass ran for tens of minutes in the same event
 * loop as the timed requests, so the list times measured the alert engine too, and closing the server waited for
 * it. bench:stats measures the alert engine on its own.
 *
 * @module
 */
import type { ServerDeps } from '../../../server/src/deps.js';
import { BlobStore } from '../../../server/src/blobs/store.js';
import { defaultConfig } from '../../../server/src/config.js';
import { openDatabase } from '../../../server/src/db/client.js';
import { MaterializeScheduler } from '../../../server/src/materializer/scheduler.js';
import { SyncService } from '../../../server/src/sync/sync-service.js';
import { SqliteUpdateLog } from '../../../server/src/sync/update-log.js';

export interface BenchServer {
  deps: ServerDeps;
  close(): Promise<void>;
}

/** Opens (and migrates) the database in `dataDir` and builds the dependencies `createApp` takes. */
export function appOver(dataDir: string, now: Date): BenchServer {
  const database = openDatabase(dataDir);
  const clock = () => now;
  const sync = new SyncService(new SqliteUpdateLog(database.sqlite), clock);
  // Nothing syncs in this bench; a scheduled document would have nothing to run.
  const materializeScheduler = new MaterializeScheduler(() => undefined);
  const deps: ServerDeps = {
    config: { ...defaultConfig, port: 0, hostname: '127.0.0.1', dataDir, webRoot: null },
    database,
    now: clock,
    sync,
    materializeScheduler,
    blobStore: new BlobStore(dataDir),
  };
  return {
    deps,
    close: async () => {
      sync.close();
      await materializeScheduler.close();
      database.close();
    },
  };
}
