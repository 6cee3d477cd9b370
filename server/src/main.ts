import { configFromEnv } from './config.js';
import { demoCommand } from './demo/command.js';
import { startServer } from './server.js';

// The only file that reads process.env (STYLE.md rule 6).
// Usage: main.ts            start the server
//        main.ts demo [--if-empty]   load the demo province into DATA_DIR
const config = configFromEnv(process.env);
const [command, ...flags] = process.argv.slice(2);

if (command === 'demo') {
  console.log(await demoCommand(config, { ifEmpty: flags.includes('--if-empty') }));
} else if (command === undefined || command === 'serve') {
  const server = await startServer(config);
  console.log(`anguan listening on ${server.url} (data: ${config.dataDir})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
} else {
  console.error(`unknown command "${command}"; use "serve" or "demo [--if-empty]"`);
  process.exit(2);
}
