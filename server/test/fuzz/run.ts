import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inspectionToJSON, createInspection, setRemarks } from '@anguan/model';
import { RandomSource } from '@anguan/model/testing';
import { createApp } from '../../src/app.js';
import { defaultConfig } from '../../src/config.js';
import type { ServerDeps } from '../../src/deps.js';
import { openDatabase } from '../../src/db/client.js';
import type { RunningServer } from '../../src/server.js';
import { connectPeer, eventually, registerInspection, seedWorld, type World } from '../sync-fixtures.js';
import { spawnChildServer, type ChildServer } from './child.js';
import { validCorpus } from './frames.js';
import { fuzzRoutes, type Route, type RouteFuzzCounts } from './fuzz-routes.js';
import { fuzzSync, type SyncFuzzCounts } from './fuzz-sync.js';

export interface FuzzOptions {
  readonly seed: number;
  /** Time for the websocket fuzzer and for the route fuzzer, each. */
  readonly syncMs: number;
  readonly routesMs: number;
}

export interface FuzzReport {
  readonly seed: number;
  readonly sync: SyncFuzzCounts;
  readonly routes: RouteFuzzCounts;
  /** The server process exited (crashed) during the run. */
  readonly crashed: boolean;
  /** `/api/health` checks during and after the run, and how many failed or took over 2 s. */
  readonly healthChecks: number;
  readonly healthFailures: number;
  /** Internal errors the server logged on the sync socket (closing 1011). */
  readonly internalErrors: number;
  /** The server's own words on its 5xx answers (error and stack), empty when there were none. */
  readonly serverLog: string;
  /** Memory after a full GC: before the fuzzing (after a warm-up) and once it settled after. */
  readonly memoryBefore: NodeJS.MemoryUsage;
  readonly memoryAfter: NodeJS.MemoryUsage;
  /** The witness document (another enterprise's, written before the run) is exactly as it was. */
  readonly witnessIntact: boolean;
}

/** The API's JSON routes as registered in the app (paths with their `:params`). */
function jsonRoutes(deps: ServerDeps): Route[] {
  const seen = new Set<string>();
  const routes: Route[] = [];
  for (const { method, path: routePath } of createApp(deps).routes) {
    if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method) || routePath.includes('*')) continue;
    if (!routePath.startsWith('/api/') || seen.has(`${method} ${routePath}`)) continue;
    seen.add(`${method} ${routePath}`);
    routes.push({ method, path: routePath });
  }
  return routes;
}

const heapAndBuffers = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;

/**
 * The fuzz and fault run: a real server process with two enterprises; one is attacked through every JSON route and
 * the sync socket with seeded random, mutated, oversized and deeply nested input, while the other's document (the
 * witness) must come out untouched, the server alive, healthy, and its memory back near its level.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-fuzz-'));
  const database = openDatabase(dataDir);
  const attacked = seedWorld(database.db);
  const witnessWorld = seedWorld(database.db);
  const routes = jsonRoutes({
    config: { ...defaultConfig, dataDir },
    database,
    now: () => new Date(),
  } as ServerDeps);
  database.close();
  const child = await spawnChildServer(dataDir);
  const server = { url: child.url } as RunningServer;
  const random = new RandomSource(options.seed);
  const health = healthMonitor(child.url);
  try {
    const docs = await Promise.all(
      Array.from({ length: 4 }, () => registerInspection(child.url, attacked.director, attacked.projectId)),
    );
    const witness = await writeWitness(server, witnessWorld);
    const corpus = validCorpus(random, attacked.projectId, attacked.inspector.id);
    const users = [
      attacked.director,
      attacked.inspector,
      attacked.department,
      attacked.supervisor,
      attacked.otherSupervisor,
    ];
    const cookies = users.map((u) => u.cookie);
    const syncTarget = { wsBase: child.url.replace('http', 'ws'), docNames: docs, cookies, corpus };
    await fuzzSync(random, syncTarget, Date.now() + 1_000, 2); // warm-up, not counted
    const memoryBefore = await settledMemory(child, null);
    const sync = await fuzzSync(random, syncTarget, Date.now() + options.syncMs);
    const routeCounts = await fuzzRoutes(
      random,
      {
        baseUrl: child.url,
        routes,
        cookies: [...cookies, null, 'anguan_session=forged'],
        ids: idsOf(attacked, docs),
        bodies: plausibleBodies(attacked, docs),
      },
      Date.now() + options.routesMs,
    );
    const memoryAfter = await settledMemory(child, memoryBefore);
    const witnessIntact = await witness.intact();
    await health.stop();
    return {
      seed: options.seed,
      sync,
      routes: routeCounts,
      crashed: child.exited,
      healthChecks: health.checks,
      healthFailures: health.failures,
      internalErrors: (child.output().match(/closing 1011/g) ?? []).length,
      // What the server said about each 5xx (the error and its stack), for a failing run to show.
      serverLog: serverErrorLog(child.output()),
      memoryBefore,
      memoryAfter,
      witnessIntact,
    };
  } finally {
    await health.stop();
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Another enterprise's inspection with content, and a check that a fresh client later reads exactly that. */
async function writeWitness(server: RunningServer, world: World) {
  const name = await registerInspection(server.url, world.director, world.projectId);
  const writer = connectPeer(server, name, world.director);
  await writer.synced();
  createInspection(writer.doc, {
    projectId: world.projectId,
    origin: 'enterprise',
    method: 'jgj59',
    date: '2026-03-15',
    createdBy: world.director.id,
  });
  setRemarks(writer.doc, '见证文档：不得被改动');
  const expected = inspectionToJSON(writer.doc);
  const reader = connectPeer(server, name, world.director);
  await eventually(() => {
    if (JSON.stringify(inspectionToJSON(reader.doc)) !== JSON.stringify(expected)) throw new Error('not yet');
  }, 10_000);
  reader.destroy();
  return {
    async intact(): Promise<boolean> {
      const fresh = connectPeer(server, name, world.director);
      try {
        await fresh.synced();
        const same = JSON.stringify(inspectionToJSON(fresh.doc)) === JSON.stringify(expected);
        return (
          same &&
          writer.closeCodes.length === 0 &&
          JSON.stringify(inspectionToJSON(writer.doc)) === JSON.stringify(expected)
        );
      } finally {
        fresh.destroy();
        writer.destroy();
      }
    },
  };
}

/**
 * Memory after a full GC once it stops falling (rooms unload a moment after their last connection): the reading
 * after `before` is retried for up to 20 s while it is still above 120 % of `before`.
 */
async function settledMemory(
  child: ChildServer,
  before: NodeJS.MemoryUsage | null,
): Promise<NodeJS.MemoryUsage> {
  const deadline = Date.now() + 20_000;
  let usage = await child.memory();
  while (before && heapAndBuffers(usage) > 1.2 * heapAndBuffers(before) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    usage = await child.memory();
  }
  return usage;
}

function healthMonitor(baseUrl: string) {
  const state = { checks: 0, failures: 0, running: true };
  const loop = (async () => {
    while (state.running) {
      const started = Date.now();
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
        if (response.status !== 200 || Date.now() - started > 2_000) state.failures++;
      } catch {
        state.failures++;
      }
      state.checks++;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return {
    get checks() {
      return state.checks;
    },
    get failures() {
      return state.failures;
    },
    async stop() {
      state.running = false;
      await loop;
    },
  };
}

function idsOf(world: World, docs: readonly string[]): string[] {
  const users = [world.director, world.inspector, world.department, world.supervisor];
  return [world.projectId, world.otherProjectId, ...docs, ...users.map((u) => u.id), docs[0]!.split(':')[1]!];
}

function plausibleBodies(world: World, docs: readonly string[]): unknown[] {
  return [
    { login: '13912345678', password: 'Zhuanyong#2026anquan' },
    { name: docs[0], kind: 'inspection', projectId: world.projectId, method: 'jgj59', origin: 'enterprise' },
    { role: 'inspector', login: '13912345679', displayName: '检查员', password: 'Zhuanyong#2026anquan' },
    { currentPassword: 'x', newPassword: 'Zhuanyong#2026anquan' },
    {
      creditCode: '91320100MA1XXXXXX1',
      name: '企业',
      password: 'p',
      contactName: '张三',
      contactIdNumber: '1',
      contactPhone: '1',
    },
    { stateVector: 'AA==' },
    { filingNumber: 'F1', name: '项目', regionCode: '320102' },
  ];
}

/** From the first logged 5xx on, a few KB of the server's output: enough for the error and its stack. */
function serverErrorLog(output: string): string {
  const at = output.indexOf('[http]');
  return at < 0 ? '' : output.slice(at, at + 4_000);
}
