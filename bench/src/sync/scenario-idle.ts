/**
 * Memory per idle connected document: the server's RSS growth after N documents, each with a little content and
 * one connected client, divided by N. Readings are medians of several samples after a settle period and a forced
 * full GC. The first reading is taken with {@link WARMUP_DOCS} documents already connected, and they stay connected:
 * what is measured is the cost of one more idle document, not code loading, JIT warm-up or the one-off growth of
 * V8's young generation that the first burst of connections triggers (several MiB, whatever the server).
 *
 * @module
 */
import { median } from './stats.js';
import { ClientPool } from './pool.js';
import type { ServerHandle } from './servers.js';
import type { ClientSpec } from './worker-messages.js';

export interface IdleParams {
  readonly docs: number;
  /** Map entries each document gets from its client right after connecting (~60 bytes each). */
  readonly seedEntries: number;
  readonly workers: number;
}

export interface IdleResult {
  readonly docs: number;
  readonly rssBeforeMiB: number;
  readonly rssAfterMiB: number;
  /** RSS (after − before) ÷ docs, in KiB: the target's measure. */
  readonly perDocKiB: number;
  /**
   * JS heap + external + array buffers (after − before) ÷ docs, in KiB: the part V8 accounts for, steadier than RSS
   * (which also holds allocator slack and, for ours, SQLite's page cache).
   */
  readonly heapPerDocKiB: number;
  readonly connectFailures: number;
}

/** Documents connected before the first reading (and kept connected to the end). */
export const WARMUP_DOCS = 200;
const SETTLE_MS = 3_000;
const SAMPLES = 3;
const MIB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Reading {
  readonly rss: number;
  readonly heap: number;
}

/** Median RSS and heap over a few forced-GC readings after the server has settled. */
async function settledMemory(server: ServerHandle): Promise<Reading> {
  await sleep(SETTLE_MS);
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const memory = await server.memoryAfterGc();
    rss.push(memory.rss);
    heap.push(memory.heapUsed + memory.external + memory.arrayBuffers);
    await sleep(200);
  }
  return { rss: median(rss), heap: median(heap) };
}

/** `firstClient` spreads the two batches over ours' accounts as one run of clients (each account is capped). */
function specsFor(names: readonly string[], seedEntries: number, firstClient = 0): ClientSpec[] {
  return names.map((docName, i) => ({ docName, mode: 'full', seedEntries, cookieIndex: firstClient + i }));
}

/** Runs the idle-memory scenario against a freshly started server. */
export async function runIdle(server: ServerHandle, params: IdleParams): Promise<IdleResult> {
  const warmNames = Array.from({ length: WARMUP_DOCS }, () => server.docName());
  const names = Array.from({ length: params.docs }, () => server.docName());
  await server.prepareDocs([...warmNames, ...names]);

  const warm = new ClientPool(1);
  const pool = new ClientPool(params.workers);
  try {
    await warm.open(server.endpoint, specsFor(warmNames, params.seedEntries));
    const before = await settledMemory(server);
    const opened = await pool.open(server.endpoint, specsFor(names, params.seedEntries, WARMUP_DOCS));
    const after = await settledMemory(server);
    return {
      docs: params.docs,
      rssBeforeMiB: before.rss / MIB,
      rssAfterMiB: after.rss / MIB,
      perDocKiB: (after.rss - before.rss) / params.docs / 1024,
      heapPerDocKiB: (after.heap - before.heap) / params.docs / 1024,
      connectFailures: opened.failures.length,
    };
  } finally {
    await pool.close();
    await warm.close();
  }
}
