import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { BlobStore } from '../blobs/store.js';
import type { ServerDeps } from '../deps.js';
import { backupDataDir } from './backup.js';
import { runMaintenance } from './maintenance.js';
import { restoreDataDir } from './restore.js';
import { addSupervisor } from './supervisors.js';

export const ADMIN_USAGE = `usage: pnpm admin <command>
  supervisor add --login <login> --name <name> --region <行政区划码> [--password <password>]
  backup <dir>            consistent copy of DATA_DIR (database + blobs) while the server runs
  restore <dir> [--force] replace DATA_DIR with a backup (refused while a server runs on DATA_DIR)
  sweep                   run the maintenance sweeps now (idle sessions, throttles, unreferenced blobs, audit retention)`;

/** `main.ts admin …`: operator commands on DATA_DIR. Returns what to print; throws on a refusal. */
export async function adminCommand(config: Config, args: readonly string[]): Promise<string> {
  const [command, ...rest] = args;
  if (command === 'supervisor' && rest[0] === 'add') return supervisorAdd(config, rest.slice(1));
  if (command === 'backup' && rest.length === 1 && rest[0]) {
    const manifest = await backupDataDir(config.dataDir, rest[0]);
    const missing = manifest.blobs.missing.length ? `, ${manifest.blobs.missing.length} missing` : '';
    return `backup written to ${rest[0]}: ${manifest.database.documents} documents, ${manifest.blobs.count} blobs (${manifest.blobs.bytes} bytes${missing})`;
  }
  if (command === 'restore' && rest[0] && rest.slice(1).every((a) => a === '--force')) {
    const result = restoreDataDir(rest[0], config.dataDir, { force: rest.includes('--force') });
    const aside = result.setAside ? `; the previous data is in ${result.setAside}` : '';
    return `restored ${rest[0]} (backup of ${result.manifest.createdAt}) into ${config.dataDir}${aside}`;
  }
  if (command === 'sweep') {
    return withDeps(config, async (deps) => JSON.stringify(await runMaintenance(deps)));
  }
  throw new UsageError(ADMIN_USAGE);
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

async function supervisorAdd(config: Config, args: readonly string[]): Promise<string> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      login: { type: 'string' },
      name: { type: 'string' },
      region: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (!values.login || !values.name || !values.region) throw new UsageError(ADMIN_USAGE);
  const input = {
    login: values.login,
    name: values.name,
    regionCode: values.region,
    password: values.password,
  };
  return withDeps(config, async (deps) => {
    const result = await addSupervisor(deps, input);
    const shown = result.generated ? `; generated password: ${result.password}` : '';
    return `supervisor ${input.login} (${input.name}, region ${input.regionCode}) created${shown}`;
  });
}

/** The deps the commands need, without a listening server (the sync service is not needed by the sweeps). */
async function withDeps<T>(config: Config, run: (deps: ServerDeps) => Promise<T>): Promise<T> {
  const database = openDatabase(config.dataDir);
  try {
    const deps = { config, database, now: () => new Date(), blobStore: new BlobStore(config.dataDir) };
    return await run(deps as unknown as ServerDeps);
  } finally {
    database.close();
  }
}
