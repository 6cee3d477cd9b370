/**
 * Cold load: one document receives 10,000 small updates (map sets and text inserts, each its own message), then a
 * fresh client is timed from socket creation to the end of the sync handshake with the whole state applied.
 *
 * Ours has every connection closed and waits until the server has unloaded the document, so each load comes from
 * SQLite. The baselines have no persistence: an idle "holder" client keeps the document in their memory
 * (Hocuspocus would otherwise discard it), so they only re-encode the in-memory document.
 *
 * @module
 */
import * as Y from 'yjs';
import { BenchClient } from './client.js';
import { readProcess } from './proc-stats.js';
import type { ServerHandle } from './servers.js';
import { median } from './stats.js';

export interface ColdParams {
  readonly updates: number;
  readonly repetitions: number;
  /**
   * Idle time before each load, for every server: ours unloads the document in it (its grace period plus margin).
   */
  readonly unloadWaitMs: number;
}

export interface ColdResult {
  readonly updates: number;
  /** Bytes of `encodeStateAsUpdate` of the final document, as the writing client encodes it. */
  readonly docBytes: number;
  /** Bytes of the step 2 the server sent on the last load (its own encoding of the same state). */
  readonly step2Bytes: number;
  /** Client time applying each load's step 2 (part of {@link loadsMs}), in ms. */
  readonly appliesMs: number[];
  /**
   * Median server CPU time per load (upgrade, auth, loading, encoding, sending), in ms, from procfs. Unlike the wall
   * times it hardly changes when other processes compete for the CPU.
   */
  readonly medianServerCpuMs: number;
  /** Time for the server to accept all updates (last one visible to a new client), in ms. */
  readonly ingestMs: number;
  readonly loadsMs: number[];
  readonly medianMs: number;
  /** Median of socket creation → WebSocket open (TCP + upgrade, incl. our auth), part of {@link medianMs}. */
  readonly medianOpenMs: number;
  /** Median of socket creation → arrival of the server's step 2; the rest of {@link medianMs} is the client applying it. */
  readonly medianStep2Ms: number;
  /** Whether the document was held in memory (baselines) or unloaded first (ours). */
  readonly fromMemory: boolean;
}

const VERIFY_DEADLINE_MS = 120_000;
const KEYS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

async function writeUpdates(writer: BenchClient, count: number): Promise<void> {
  const doc = writer.doc as Y.Doc;
  const map = doc.getMap('fields');
  const text = doc.getText('notes');
  for (let i = 0; i < count; i++) {
    if (i % 2 === 0) map.set(`k${(i / 2) % KEYS}`, `value ${i}`);
    else text.insert(text.length, `n${i} `);
    if (writer.bufferedAmount > 1 << 20) await sleep(5);
  }
}

/**
 * Applies the whole document a few times in this process right before each timed load, so the client's Yjs code
 * is equally warm (JIT-compiled, not flushed) for every server, whichever runs first.
 */
function warmUpClient(reference: Y.Doc): void {
  const state = Y.encodeStateAsUpdate(reference);
  for (let i = 0; i < 2; i++) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    doc.destroy();
  }
}

/** Loads the document with a fresh full client; returns it (synced) for verification. */
async function load(server: ServerHandle, name: string): Promise<BenchClient> {
  const client = new BenchClient(server.endpoint, name, 'full');
  await client.synced;
  return client;
}

async function waitUntilStored(server: ServerHandle, name: string, expected: Y.Doc): Promise<void> {
  const deadline = performance.now() + VERIFY_DEADLINE_MS;
  for (;;) {
    const probe = await load(server, name);
    const ok = sameState(probe.doc as Y.Doc, expected);
    await probe.close();
    if (ok) return;
    if (performance.now() > deadline) {
      throw new Error(`${server.kind}: ${name} never reached the written state`);
    }
    await sleep(200);
  }
}

/** Runs the cold-load scenario against a freshly started server. */
export async function runCold(server: ServerHandle, params: ColdParams): Promise<ColdResult> {
  const name = server.docName();
  await server.prepareDocs([name]);
  const fromMemory = server.kind !== 'anguan';
  const writer = await load(server, name);
  let holder: BenchClient | null = null;
  const started = performance.now();
  const reference = new Y.Doc();
  let ingestMs = NaN;
  try {
    await writeUpdates(writer, params.updates);
    await waitUntilStored(server, name, writer.doc as Y.Doc);
    ingestMs = performance.now() - started;
    Y.applyUpdate(reference, Y.encodeStateAsUpdate(writer.doc as Y.Doc));
  } finally {
    // The baselines keep the writer connected as the holder; ours (and any failed run) closes it.
    if (fromMemory && !Number.isNaN(ingestMs)) holder = writer;
    else await writer.close();
  }
  const docBytes = Y.encodeStateAsUpdate(reference).byteLength;

  const loadsMs: number[] = [];
  const opensMs: number[] = [];
  const step2sMs: number[] = [];
  const appliesMs: number[] = [];
  const serverCpuMs: number[] = [];
  let step2Bytes = 0;
  try {
    for (let i = 0; i < params.repetitions; i++) {
      // Every server (and this client) idles equally long before each load, so none of them is timed from a
      // warmer state than another.
      await sleep(params.unloadWaitMs);
      warmUpClient(reference);
      const cpuBefore = readProcess(server.pid).cpuMs;
      const client = await load(server, name);
      serverCpuMs.push(readProcess(server.pid).cpuMs - cpuBefore);
      const ok = sameState(client.doc as Y.Doc, reference);
      await client.close();
      if (!ok) throw new Error(`${server.kind}: cold load returned a different state`);
      loadsMs.push(client.syncedMs);
      opensMs.push(client.openMs);
      step2sMs.push(client.step2Ms);
      step2Bytes = client.step2Bytes;
      appliesMs.push(client.step2ApplyMs);
    }
  } finally {
    await holder?.close();
  }
  return {
    updates: params.updates,
    docBytes,
    step2Bytes,
    appliesMs,
    medianServerCpuMs: median(serverCpuMs),
    ingestMs,
    loadsMs,
    medianMs: median(loadsMs),
    medianOpenMs: median(opensMs),
    medianStep2Ms: median(step2sMs),
    fromMemory,
  };
}
