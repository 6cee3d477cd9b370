import { configFromEnv } from './config.js';
import { startServer } from './server.js';

// The only file that reads process.env (STYLE.md rule 6).
const config = configFromEnv(process.env);
const server = await startServer(config);
console.log(`anguan listening on ${server.url} (data: ${config.dataDir})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
