import type { Config } from './config.js';
import type { Database_ } from './db/client.js';
import type { ValidSession } from './auth/sessions.js';
import type { SessionRevocation, SyncService } from './sync/sync-service.js';
import type { MaterializeScheduler } from './materializer/scheduler.js';
import type { BlobStore } from './blobs/store.js';

/** What every feature receives from `createApp`: no module reaches for globals or the environment. */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database_;
  /** The clock; tests move it to cross expiry and lockout boundaries. */
  readonly now: () => Date;
  /** Called right after sessions are deleted; the server closes their sync sockets (absent in scripts). */
  readonly sessionsRevoked?: (revoked: SessionRevocation) => void;
  /**
   * Called after a project's registry row or its people changed (a 竣工备案 filed, a project registered, a project
   * department account created); the server re-evaluates the projects' alerts at once (absent in scripts).
   */
  readonly projectsChanged?: (projectIds: readonly string[]) => void;
}

/**
 * Everything `startServer` builds: {@link AppDeps} plus the document services. Features that sync, seal or serve
 * blobs take these; the rest (and scripts such as the demo loader) need only {@link AppDeps}.
 */
export interface ServerDeps extends AppDeps {
  /** The y-websocket rooms and update log (`/sync`); sealing and blob checks read documents through it. */
  readonly sync: SyncService;
  /** Runs the materializer when a document settles; sealing schedules a final run. */
  readonly materializeScheduler: MaterializeScheduler;
  /** Blob bytes under `DATA_DIR/blobs`. */
  readonly blobStore: BlobStore;
}

/** Hono context variables set by the session middleware. */
export interface AppEnv {
  Variables: {
    session: ValidSession | null;
    ip: string;
  };
}
