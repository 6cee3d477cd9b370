/** Server entry for other workspace packages (tests, bench): start a real server in-process. */
export { startServer, type RunningServer } from './server.js';
export { defaultConfig, configFromEnv, type Config } from './config.js';
export type { AppType } from './app.js';
/** Pure JSON → rows of one inspection (no I/O): `pnpm bench:sheets` times the server's materialization CPU. */
export {
  materializeInspectionRows,
  MATERIALIZER_VERSION,
  type InspectionRows,
  type RegistryFacts,
} from './inspections/materialize.js';
