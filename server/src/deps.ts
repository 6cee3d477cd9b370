import type { Config } from './config.js';
import type { Database_ } from './db/client.js';
import type { ValidSession } from './auth/sessions.js';

/** What every feature receives from `createApp`: no module reaches for globals or the environment. */
export interface AppDeps {
  readonly config: Config;
  readonly database: Database_;
  /** The clock; tests move it to cross expiry and lockout boundaries. */
  readonly now: () => Date;
}

/** Hono context variables set by the session middleware. */
export interface AppEnv {
  Variables: {
    session: ValidSession | null;
    ip: string;
  };
}
