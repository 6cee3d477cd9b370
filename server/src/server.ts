import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { openDatabase } from './db/client.js';
import { createApp } from './app.js';
import type { AppDeps } from './deps.js';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly deps: AppDeps;
  close(): Promise<void>;
}

/** Opens the database, builds the app and listens; the same path for `main.ts` and for tests (port 0). */
export async function startServer(config: Config, options: { now?: () => Date } = {}): Promise<RunningServer> {
  const database = openDatabase(config.dataDir);
  const deps: AppDeps = { config, database, now: options.now ?? (() => new Date()) };
  const app = createApp(deps);
  const { server, address } = await listen(app.fetch, config);
  const host = address.address.includes(':') ? `[${address.address}]` : address.address;
  const shownHost = host === '0.0.0.0' || host === '[::]' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    deps,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          database.close();
          resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  config: Config,
): Promise<{ server: ServerType; address: AddressInfo }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.hostname }, (address) =>
      resolve({ server, address }),
    );
    server.once('error', reject);
  });
}
