import path from 'node:path';
import { serverRoot } from './server-root.js';

/** Everything the server needs to know about its environment, parsed once in `main.ts`. */
export interface Config {
  /** TCP port; 0 picks a free one (tests). */
  readonly port: number;
  /** Interface to bind. */
  readonly hostname: string;
  /** Holds `anguan.sqlite` and `blobs/`. */
  readonly dataDir: string;
  /** Built SPA (web/build); `null` serves the API only. */
  readonly webRoot: string | null;
  /** Set the `Secure` flag on cookies even when the request itself looks like plain HTTP (behind a TLS proxy). */
  readonly secureCookies: boolean;
  /** Extra origins accepted for state-changing requests (e.g. the public https origin behind a proxy). */
  readonly trustedOrigins: readonly string[];
}

export const defaultConfig: Config = Object.freeze({
  port: 8080,
  hostname: '0.0.0.0',
  dataDir: path.resolve('data'),
  webRoot: path.resolve(serverRoot, '../web/build'),
  secureCookies: false,
  trustedOrigins: [],
});

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment variables documented in the README into a frozen {@link Config}. */
export function configFromEnv(env: Record<string, string | undefined>): Config {
  const port = env.PORT === undefined || env.PORT === '' ? defaultConfig.port : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535, got "${env.PORT}"`);
  }
  return Object.freeze({
    port,
    hostname: env.HOST || defaultConfig.hostname,
    dataDir: path.resolve(env.DATA_DIR || defaultConfig.dataDir),
    webRoot: env.WEB_ROOT === '' ? null : env.WEB_ROOT ? path.resolve(env.WEB_ROOT) : defaultConfig.webRoot,
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    trustedOrigins: (env.TRUSTED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
}
