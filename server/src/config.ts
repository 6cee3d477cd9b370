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
  /** Hardening limits (issue 12); see {@link Limits}. */
  readonly limits: Limits;
  /** Tests only: also accept http://127.0.0.1 webhook addresses (robots are otherwise https:// only). */
  readonly allowLoopbackWebhooks?: boolean;
  /**
   * ANGUAN_TEST_CLOCK=1, e2e tests only: a loopback request may set the server's clock for itself with the
   * `x-anguan-test-now` header (test-clock/test-clock.ts).
   */
  readonly testClock?: boolean;
}

/** Resource limits, quotas and session rules; each has an environment variable (README "Configuration"). */
export interface Limits {
  /** MAX_JSON_BODY_KB: largest JSON request body (blob uploads have their own 20 MB cap). */
  readonly maxJsonBodyBytes: number;
  /** UPLOAD_MB_PER_DAY: blob bytes one user may upload per rolling 24 hours. */
  readonly uploadBytesPerDay: number;
  /** UNREFERENCED_BLOB_GRACE_HOURS: a blob no document references is deleted this long after its last upload. */
  readonly unreferencedBlobGraceMs: number;
  /** MAINTENANCE_INTERVAL_MINUTES: how often the sweeps (blobs, idle sessions, throttles, audit retention) run. */
  readonly maintenanceIntervalMs: number;
  /** DOCUMENT_REGISTRATIONS_PER_HOUR: new documents one user may register per rolling hour. */
  readonly documentRegistrationsPerHour: number;
  /** SESSION_IDLE_MINUTES: a session unused this long is ended (等保 2.0 idle logout). */
  readonly sessionIdleMs: number;
  /** SESSION_MAX_DAYS: absolute session lifetime, however often it is used. */
  readonly sessionAbsoluteMs: number;
  /** AUDIT_RETENTION_DAYS: audit rows older than this are deleted; never less than 183 (six months). */
  readonly auditRetentionMs: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** 等保 2.0 asks for at least six months of audit records. */
export const MIN_AUDIT_RETENTION_DAYS = 183;

export const defaultLimits: Limits = Object.freeze({
  maxJsonBodyBytes: 64 * 1024,
  uploadBytesPerDay: 500 * 1024 * 1024,
  unreferencedBlobGraceMs: 72 * HOUR_MS,
  maintenanceIntervalMs: 10 * MINUTE_MS,
  documentRegistrationsPerHour: 200,
  sessionIdleMs: 30 * MINUTE_MS,
  sessionAbsoluteMs: 30 * DAY_MS,
  auditRetentionMs: 365 * DAY_MS,
});

export const defaultConfig: Config = Object.freeze({
  port: 8080,
  hostname: '0.0.0.0',
  dataDir: path.resolve('data'),
  webRoot: path.resolve(serverRoot, '../web/build'),
  secureCookies: false,
  trustedOrigins: [],
  limits: defaultLimits,
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
    limits: limitsFromEnv(env),
    ...(env.ANGUAN_TEST_CLOCK === '1' ? { testClock: true } : {}),
  });
}

function limitsFromEnv(env: Record<string, string | undefined>): Limits {
  const read = (name: string, unit: number, fallback: number, min = 1) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min) {
      throw new ConfigError(`${name} must be a number ≥ ${min}, got "${raw}"`);
    }
    return Math.round(value * unit);
  };
  const d = defaultLimits;
  return Object.freeze({
    maxJsonBodyBytes: read('MAX_JSON_BODY_KB', 1024, d.maxJsonBodyBytes),
    uploadBytesPerDay: read('UPLOAD_MB_PER_DAY', 1024 * 1024, d.uploadBytesPerDay),
    unreferencedBlobGraceMs: read('UNREFERENCED_BLOB_GRACE_HOURS', HOUR_MS, d.unreferencedBlobGraceMs),
    maintenanceIntervalMs: read('MAINTENANCE_INTERVAL_MINUTES', MINUTE_MS, d.maintenanceIntervalMs),
    documentRegistrationsPerHour: read('DOCUMENT_REGISTRATIONS_PER_HOUR', 1, d.documentRegistrationsPerHour),
    sessionIdleMs: read('SESSION_IDLE_MINUTES', MINUTE_MS, d.sessionIdleMs),
    sessionAbsoluteMs: read('SESSION_MAX_DAYS', DAY_MS, d.sessionAbsoluteMs),
    auditRetentionMs: read('AUDIT_RETENTION_DAYS', DAY_MS, d.auditRetentionMs, MIN_AUDIT_RETENTION_DAYS),
  });
}
