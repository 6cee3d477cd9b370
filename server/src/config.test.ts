import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, configFromEnv, defaultConfig } from './config.js';

describe('configFromEnv', () => {
  it('defaults to port 8080 and ./data', () => {
    const config = configFromEnv({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.webRoot).toBe(defaultConfig.webRoot);
  });

  it('reads PORT and DATA_DIR', () => {
    const config = configFromEnv({ PORT: '9090', DATA_DIR: '/tmp/anguan-x' });
    expect(config.port).toBe(9090);
    expect(config.dataDir).toBe('/tmp/anguan-x');
  });

  it('rejects a PORT that is not a port number', () => {
    expect(() => configFromEnv({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => configFromEnv({ PORT: '70000' })).toThrow(/PORT/);
  });

  it('serves the API only when WEB_ROOT is empty', () => {
    expect(configFromEnv({ WEB_ROOT: '' }).webRoot).toBeNull();
  });

  it('reads the hardening limits in their documented units and keeps the defaults otherwise', () => {
    const config = configFromEnv({
      MAX_JSON_BODY_KB: '32',
      UPLOAD_MB_PER_DAY: '100',
      UNREFERENCED_BLOB_GRACE_HOURS: '24',
      DOCUMENT_REGISTRATIONS_PER_HOUR: '50',
      SESSION_IDLE_MINUTES: '15',
      SESSION_MAX_DAYS: '7',
      AUDIT_RETENTION_DAYS: '200',
    });
    expect(config.limits).toMatchObject({
      maxJsonBodyBytes: 32 * 1024,
      uploadBytesPerDay: 100 * 1024 * 1024,
      unreferencedBlobGraceMs: 24 * 3600_000,
      documentRegistrationsPerHour: 50,
      sessionIdleMs: 15 * 60_000,
      sessionAbsoluteMs: 7 * 86_400_000,
      auditRetentionMs: 200 * 86_400_000,
      maintenanceIntervalMs: defaultConfig.limits.maintenanceIntervalMs,
    });
  });

  it('refuses an audit retention under six months and a limit that is not a positive number', () => {
    expect(() => configFromEnv({ AUDIT_RETENTION_DAYS: '90' })).toThrow(
      /AUDIT_RETENTION_DAYS must be a number ≥ 183/,
    );
    expect(() => configFromEnv({ SESSION_IDLE_MINUTES: 'soon' })).toThrow(ConfigError);
    expect(() => configFromEnv({ UPLOAD_MB_PER_DAY: '0' })).toThrow(/UPLOAD_MB_PER_DAY/);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(configFromEnv({}))).toBe(true);
  });
});
