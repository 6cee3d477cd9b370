/**
 * Starts each server under test as a child process on 127.0.0.1, so its CPU and memory can be read from procfs
 * apart from the clients': ours (auth and persistence on), the reference y-websocket server and Hocuspocus (both
 * with no auth and no persistence), and the cold-load floor (`floor-server.ts`).
 *
 * @module
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Endpoint } from './client.js';
import { prepareAnguan, registerAnguanDocs, type AnguanSession } from './anguan-setup.js';

export const SERVER_KINDS = ['anguan', 'ywss', 'hocuspocus', 'floor'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** The servers the targets compare ours with. */
export const BASELINE_KINDS: readonly ServerKind[] = ['ywss', 'hocuspocus'];
export const isBaseline = (kind: ServerKind): boolean => BASELINE_KINDS.includes(kind);

/**
 * `floor` (`floor-server.ts`) is a measuring stick, not a baseline: it shows what a cold load costs when the server
 * does nothing at all, so it only runs in the cold scenario.
 */
export const REFERENCE_SCENARIOS: Readonly<Partial<Record<ServerKind, readonly string[]>>> = {
  floor: ['cold'],
};

/** Human names for reports. */
export const SERVER_LABELS: Record<ServerKind, string> = {
  anguan: 'anguan (auth + SQLite)',
  ywss: '@y/websocket-server 0.1.5',
  hocuspocus: '@hocuspocus/server 4.7.0',
  floor: 'floor: bytes in memory, no work',
};

/** How long a server may take to print its ready line. */
const START_TIMEOUT_MS = 60_000;

/**
 * Loaded into every server (node `--import`): on SIGUSR2, a full GC and then one stdout line with
 * `process.memoryUsage()`, so the idle-memory scenario reads memory after garbage is collected instead of wherever
 * V8's heap growth happens to be. Same for all three servers; no other effect.
 */
const MEMORY_REPORT_PREFIX = 'bench-memory ';
const MEMORY_HOOK = `process.on('SIGUSR2', () => {
  globalThis.gc?.();
  process.stdout.write('${MEMORY_REPORT_PREFIX}' + JSON.stringify(process.memoryUsage()) + '\\n');
});`;
const GC_ON_SIGNAL = ['--expose-gc', `--import=data:text/javascript,${encodeURIComponent(MEMORY_HOOK)}`];
const MEMORY_REPORT_TIMEOUT_MS = 10_000;

/** `process.memoryUsage()` of a server right after a full GC, in bytes. */
export type ServerMemory = NodeJS.MemoryUsage;

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A running server under test. */
export interface ServerHandle {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly httpUrl: string;
  readonly endpoint: Endpoint;
  /** Makes documents connectable (ours registers them through the API; the baselines accept any name). */
  prepareDocs(names: readonly string[]): Promise<void>;
  /** A fresh document name; ours needs `inspection:<uuid>`. */
  docName(): string;
  /** Forces a full GC in the server and returns its memory usage right after (see {@link GC_ON_SIGNAL}). */
  memoryAfterGc(): Promise<ServerMemory>;
  stop(): Promise<void>;
}

/** Asks the kernel for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

interface Spawned {
  child: ChildProcess;
  port: number;
  memoryAfterGc(): Promise<ServerMemory>;
}

/** Reads the server's stdout line by line (which also keeps the pipe drained) and answers memory requests. */
function memoryReporter(child: ChildProcess, kind: ServerKind): () => Promise<ServerMemory> {
  const waiting: ((memory: ServerMemory) => void)[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let end: number;
    while ((end = buffered.indexOf('\n')) !== -1) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (line.startsWith(MEMORY_REPORT_PREFIX)) {
        waiting.shift()?.(JSON.parse(line.slice(MEMORY_REPORT_PREFIX.length)));
      }
    }
  });
  return () =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${kind}: no memory report`)),
        MEMORY_REPORT_TIMEOUT_MS,
      );
      waiting.push((memory) => {
        clearTimeout(timer);
        resolve(memory);
      });
      child.kill('SIGUSR2');
    });
}

async function spawnServer(
  kind: ServerKind,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  ready: RegExp,
  nodeFlags: readonly string[],
  nice = 0,
): Promise<Spawned> {
  const port = await freePort();
  const child = spawn(process.execPath, [...GC_ON_SIGNAL, ...nodeFlags, ...args], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (nice !== 0) os.setPriority(child.pid as number, nice);
  await waitForLine(child, ready, kind);
  const memoryAfterGc = memoryReporter(child, kind);
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${kind}] ${chunk.toString()}`));
  return { child, port, memoryAfterGc };
}

function baseHandle(kind: ServerKind, spawned: Spawned, framing: Endpoint['framing'], cleanup = () => {}) {
  const httpUrl = `http://127.0.0.1:${spawned.port}`;
  return {
    kind,
    pid: spawned.child.pid as number,
    httpUrl,
    endpoint: { wsBase: `ws://127.0.0.1:${spawned.port}/`, framing, origin: httpUrl } as Endpoint,
    prepareDocs: async () => {},
    docName: () => `bench-${crypto.randomUUID()}`,
    memoryAfterGc: spawned.memoryAfterGc,
    stop: async () => {
      await stopChild(spawned.child);
      cleanup();
    },
  };
}

/**
 * How ours runs: as it ships, bundled (`pnpm build` does the same), built here from the tree being measured.
 * Commits from before the bundle existed (`--anguan-ref`) run from source through tsx.
 */
function anguanCommand(root: string): string[] {
  const buildScript = path.join(root, 'server/scripts/build.mjs');
  if (!existsSync(buildScript)) return ['--import', 'tsx', 'server/src/main.ts'];
  execFileSync(process.execPath, [buildScript], { stdio: 'inherit' });
  return ['--enable-source-maps', 'server/dist/main.js'];
}

/** Options for {@link startServer}. */
export interface StartOptions {
  /** Extra node flags for the server process, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
  /** Most connections the scenario opens at once (ours creates enough users for them). */
  readonly maxConnections?: number;
  /** Niceness for the server process (see `BenchOptions.nice`). */
  readonly nice?: number;
  /** Folder holding our `server/` (an exported commit, see `anguan-tree.ts`); the working tree by default. */
  readonly anguanRoot?: string;
}

/** Starts one server and, for ours, an account with a session and a project to hold the documents. */
export async function startServer(kind: ServerKind, options: StartOptions = {}): Promise<ServerHandle> {
  const flags = options.nodeFlags ?? [];
  const nice = options.nice ?? 0;
  if (kind === 'ywss') {
    const cwd = path.join(repoRoot, 'bench/baselines/ywss');
    const bin = 'node_modules/@y/websocket-server/src/server.js';
    return baseHandle(kind, await spawnServer(kind, [bin], cwd, {}, /running at/, flags, nice), 'plain');
  }
  if (kind === 'hocuspocus') {
    const cwd = path.join(repoRoot, 'bench/baselines/hocuspocus');
    return baseHandle(
      kind,
      await spawnServer(kind, ['server.js'], cwd, {}, /ready \d+/, flags, nice),
      'hocuspocus',
    );
  }
  if (kind === 'floor') {
    const script = path.join(repoRoot, 'bench/src/sync/floor-server.ts');
    const spawned = await spawnServer(kind, ['--import', 'tsx', script], repoRoot, {}, /floor ready/, flags, nice);
    return baseHandle(kind, spawned, 'plain');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-bench-'));
  const env = { DATA_DIR: dataDir, WEB_ROOT: '' };
  const root = options.anguanRoot ?? repoRoot;
  const spawned = await spawnServer(
    kind,
    anguanCommand(root),
    root,
    env,
    /listening on/,
    flags,
    nice,
  );
  const handle = baseHandle(kind, spawned, 'plain', () => rmSync(dataDir, { recursive: true, force: true }));
  let session: AnguanSession;
  try {
    session = await prepareAnguan(handle.httpUrl, dataDir, options.maxConnections ?? 1);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return {
    ...handle,
    endpoint: { ...handle.endpoint, wsBase: `${handle.endpoint.wsBase}sync/`, cookies: session.cookies },
    prepareDocs: (names) => registerAnguanDocs(handle.httpUrl, session, names),
    docName: () => `inspection:${crypto.randomUUID()}`,
  };
}
