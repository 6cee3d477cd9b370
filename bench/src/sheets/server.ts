/**
 * The server as the e2e specs run it: the bundled `server/dist/main.js` serving the built SPA, with the demo
 * province loaded into a fresh data directory, on a loopback port.
 *
 * @module
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const serverDir = path.join(root, 'server');

export interface BenchServer {
  baseUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startBenchServer(port: number): Promise<BenchServer> {
  const main = path.join(serverDir, 'dist/main.js');
  const webRoot = path.join(root, 'web/build');
  if (!existsSync(main) || !existsSync(webRoot)) throw new Error('Run `pnpm build` first (server/dist and web/build).');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-bench-sheets-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, WEB_ROOT: webRoot };
  const demo = spawnSync(process.execPath, [main, 'demo', '--if-empty'], { cwd: serverDir, env, stdio: 'inherit' });
  if (demo.status !== 0) throw new Error('demo load failed');
  const child = spawn(process.execPath, [main], { cwd: serverDir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl);
  return {
    baseUrl,
    process: child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not become healthy within 60 s');
}
