import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { isDatabaseEmpty, loadDemo } from './load-demo.js';

/** `main.ts demo [--if-empty]`: loads the demo province into DATA_DIR's database. */
export async function demoCommand(config: Config, options: { ifEmpty: boolean }): Promise<string> {
  const database = openDatabase(config.dataDir);
  try {
    const deps = { config, database, now: () => new Date() };
    if (!isDatabaseEmpty(deps)) {
      if (options.ifEmpty) return `demo data skipped: ${config.dataDir} already has accounts`;
      throw new Error(`${config.dataDir} already has accounts; the demo loads only into an empty database`);
    }
    const counts = await loadDemo(deps);
    return `demo data loaded into ${config.dataDir}: ${counts.enterprises} enterprises, ${counts.projects} projects, ${counts.users} accounts, ${counts.documents} documents`;
  } finally {
    database.close();
  }
}
