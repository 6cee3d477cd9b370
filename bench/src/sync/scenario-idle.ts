/**
 * Memory per idle connected document: the server's RSS growth after N documents, each with a little content and
 * one connected client, divided by N. Readings are medians of several samples after a settle period and a forced
 * full GC, taken on a server that has already served a few documents (so code loading and JIT warm-up are not
 * counted).
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

/** Documents served (and closed) before the first reading. */
export const WARMUP_DOCS = 20;
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

function specsFor(names: readonly string[], seedEntries: number): ClientSpec[] {
  return names.map((docName, cookieIndex) => ({ docName, mode: 'full', seedEntries, cookieIndex }));
}

/** Runs the idle-memory scenario against a freshly started server. */
export async function runIdle(server: ServerHandle, params: IdleParams): Promise<IdleResult> {
  const warmNames = Array.from({ length: WARMUP_DOCS }, () => server.docName());
  const names = Array.from({ length: params.docs }, () => server.docName());
  await server.prepareDocs([...warmNames, ...names]);

  const warm = new ClientPool(1);
  await warm.open(server.endpoint, specsFor(warmNames, params.seedEntries));
  await warm.close();

  const before = await settledMemory(server);
  const pool = new ClientPool(params.workers);
  try {
    const opened = await pool.open(server.endpoint, specsFor(names, params.seedEntries));
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
  }
}
