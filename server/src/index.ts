/** Server entry for other workspace packages (tests, bench): start a real server in-process. */
export { startServer, type RunningServer } from './server.js';
export { defaultConfig, configFromEnv, type Config } from './config.js';
export type { AppType } from './app.js';
