import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { MAX_MESSAGE_BYTES } from '@anguan/model';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { createApp } from './app.js';
import type { ServerDeps } from './deps.js';
import { BlobStore } from './blobs/store.js';
import type { Materializer } from './materializer/materializer.js';
import { materializersByKind } from './materializer/by-kind.js';
import { inspectionMaterializer } from './inspections/service.js';
import { documentsNeedingMaterialization } from './materializer/catch-up.js';
import { upgradeStatsRollups } from './stats/rollups.js';
import { RectificationMaterializer } from './rectifications/materializer.js';
import { materializeDocument } from './materializer/pipeline.js';
import { MaterializeScheduler, type SchedulerOptions } from './materializer/scheduler.js';
import type { SyncOptions } from './sync/options.js';
import { SyncService } from './sync/sync-service.js';
import { attachSyncUpgrades } from './sync/upgrade.js';
import { startWalCheckpointer } from './sync/wal-checkpointer.js';
import { SqliteUpdateLog } from './sync/update-log.js';
import { projectMaterializer } from './projects/materializer.js';
import { startMaintenance } from './admin/maintenance.js';
import { writePidFile } from './admin/pid-file.js';
import { closeRevokedStreams } from './alerts/stream.js';
import {
  AlertScheduler,
  defaultAlertSchedulerOptions,
  type AlertSchedulerOptions,
} from './alerts/scheduler.js';
import { withRequestClock } from './test-clock/test-clock.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly deps: ServerDeps;
  close(): Promise<void>;
}

/** In-process options (tests and embedders); `main.ts` uses the defaults. */
export interface StartOptions {
  /** The clock; default `new Date()`. */
  now?: () => Date;
  /** Receives settled documents' JSON; default the features' materializers composed by kind. */
  materializer?: Materializer;
  /** Sync tunables (timings, limits, log); default `defaultSyncOptions`. */
  sync?: Partial<SyncOptions>;
  /** Materializer scheduling (debounce, max wait, retry); default `defaultSchedulerOptions`. */
  scheduler?: Partial<SchedulerOptions>;
  /** Alert scheduling (interval, per-project debounce); default `defaultAlertSchedulerOptions`. */
  alerts?: Partial<AlertSchedulerOptions>;
}

/** Opens the database, builds the app and listens; the same path for `main.ts` and for tests (port 0). */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const database = openDatabase(config.dataDir);
  const baseNow = options.now ?? (() => new Date());
  // ANGUAN_TEST_CLOCK (e2e only): requests may carry their own instant; everything else keeps `baseNow`.
  const now = config.testClock ? withRequestClock(baseNow) : baseNow;
  const sync = new SyncService(new SqliteUpdateLog(database.sqlite), now, options.sync);
  const checkpointer = startWalCheckpointer(database.sqlite, config.dataDir, (line) => sync.logLine(line));
  const materializer =
    options.materializer ??
    materializersByKind({
      inspection: inspectionMaterializer({ db: database.db, now }),
      project: projectMaterializer(database.db),
      rectification: new RectificationMaterializer({ db: database.db, sync, now }),
    });
  const materialize = materializeDocument({ db: database.db, sync, materializer });
  // Alert rules re-run for a project once its documents' rows are written (set below, once deps exist).
  let alertScheduler: AlertScheduler | null = null;
  const materializeScheduler = new MaterializeScheduler(async (docName: string) => {
    await materialize(docName);
    await alertScheduler?.scheduleDocument(docName);
  }, options.scheduler);
  sync.onDocumentChanged((docName) => materializeScheduler.schedule(docName));
  const deps: ServerDeps = {
    config,
    database,
    now,
    sessionsRevoked: (revoked) => {
      sync.closeRevoked(revoked);
      closeRevokedStreams(revoked);
    },
    projectsChanged: (projectIds) => {
      for (const id of projectIds) alertScheduler?.scheduleProject(id, 0);
    },
    sync,
    materializeScheduler,
    blobStore: new BlobStore(config.dataDir),
  };
  await upgradeStatsRollups(database.db);
  // Catch-up: documents written while no (or an older) materializer ran get their rows in the background.
  for (const docName of await documentsNeedingMaterialization(database.db)) {
    materializeScheduler.schedule(docName);
  }
  alertScheduler = new AlertScheduler(deps, { ...defaultAlertSchedulerOptions, ...options.alerts }).start();
  const app = createApp(deps);
  const maintenance = startMaintenance(deps);
  const removePidFile = writePidFile(config.dataDir);
  // ws closes a connection whose frame exceeds maxPayload with 1009 (message too big) by itself.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const { server, address } = await listen(app.fetch, config);
  const upgrades = attachSyncUpgrades(server, wss, deps);
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    deps,
    close: async () => {
      upgrades.stop();
      await maintenance.stop();
      sync.close();
      await materializeScheduler.close();
      await alertScheduler?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      for (const client of wss.clients) client.terminate();
      wss.close();
      await checkpointer.stop();
      database.close();
      removePidFile();
    },
  };
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  config: Config,
): Promise<{ server: ServerType; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.hostname }, (address) =>
      resolve({ server, address }),
    );
    server.once('error', reject);
  });
}
