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
import { readProcess } from './proc-stats.js';
import { requestGc, type ServerHandle } from './servers.js';
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
  /** (after − before) ÷ docs, in KiB. */
  readonly perDocKiB: number;
  readonly connectFailures: number;
}

/** Documents served (and closed) before the first reading. */
export const WARMUP_DOCS = 20;
const SETTLE_MS = 3_000;
const GC_WAIT_MS = 500;
const SAMPLES = 5;
const SAMPLE_INTERVAL_MS = 200;
const MIB = 1024 * 1024;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function settledRss(pid: number): Promise<number> {
  await sleep(SETTLE_MS);
  requestGc(pid);
  await sleep(GC_WAIT_MS);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(readProcess(pid).rssBytes);
    await sleep(SAMPLE_INTERVAL_MS);
  }
  return median(samples);
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

  const rssBefore = await settledRss(server.pid);
  const pool = new ClientPool(params.workers);
  try {
    const opened = await pool.open(server.endpoint, specsFor(names, params.seedEntries));
    const rssAfter = await settledRss(server.pid);
    return {
      docs: params.docs,
      rssBeforeMiB: rssBefore / MIB,
      rssAfterMiB: rssAfter / MIB,
      perDocKiB: (rssAfter - rssBefore) / params.docs / 1024,
      connectFailures: opened.failures.length,
    };
  } finally {
    await pool.close();
  }
}
