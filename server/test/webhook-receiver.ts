import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface Received {
  path: string;
  query: URLSearchParams;
  body: any;
}

/** A robot stand-in on 127.0.0.1 that answers with the queued statuses (200 `{"errcode":0}` once they run out). */
export async function startReceiver(statuses: number[] = []) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(data) });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { errcode: 0, errmsg: 'ok' } : { errcode: 1 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    received,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
