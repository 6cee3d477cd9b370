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

  it('is frozen', () => {
    expect(Object.isFrozen(configFromEnv({}))).toBe(true);
  });
});
