import { configFromEnv } from './config.js';
import { demoCommand } from './demo/command.js';
import { adminCommand, UsageError } from './admin/command.js';
import { AdminError } from './admin/supervisors.js';
import { startServer } from './server.js';

// The only file that reads process.env (STYLE.md rule 6).
// Usage: main.ts            start the server
//        main.ts demo [--if-empty]   load the demo province into DATA_DIR
//        main.ts admin <command>      operator commands (admin/command.ts: supervisor add, backup, restore, sweep)
const config = configFromEnv(process.env);
const [command, ...flags] = process.argv.slice(2);

if (command === 'demo') {
  console.log(await demoCommand(config, { ifEmpty: flags.includes('--if-empty') }));
} else if (command === 'admin') {
  try {
    console.log(await adminCommand(config, flags));
  } catch (error) {
    if (!(error instanceof AdminError || error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
} else if (command === undefined || command === 'serve') {
  const server = await startServer(config);
  console.log(`anguan listening on ${server.url} (data: ${config.dataDir})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void server.close().then(() => process.exit(0));
    });
  }
} else {
  console.error(`unknown command "${command}"; use "serve", "demo [--if-empty]" or "admin <command>"`);
  process.exit(2);
}
