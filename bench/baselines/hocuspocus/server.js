// Hocuspocus baseline for the sync benchmark: no extensions (no auth, no persistence), loopback only.
// Started by bench/src/sync/servers.ts with PORT set; prints "ready <port>" once listening.
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`ready ${server.address.port}`);
