/**
 * Cold load: one document receives 10,000 small updates (map sets and text inserts, each its own message), then a
 * fresh client is timed from socket creation to the end of the sync handshake with the whole state applied.
 *
 * Ours has every connection closed and waits until the server has unloaded the document, so each load comes from
 * SQLite. The baselines have no persistence: an idle "holder" client keeps the document in their memory
 * (Hocuspocus would otherwise discard it), so they only re-encode the in-memory document. The floor
 * (`floor-server.ts`) answers from bytes encoded ahead of time. All servers run at once and their loads alternate.
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
  const map = doc.getMap('deductions');
  const text = doc.getText('remarks');
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

/** One server with the document written to it, loaded again and again; each load is recorded. */
export class ColdSubject {
  private readonly loadsMs: number[] = [];
  private readonly opensMs: number[] = [];
  private readonly step2sMs: number[] = [];
  private readonly appliesMs: number[] = [];
  private readonly serverCpuMs: number[] = [];
  private step2Bytes = 0;

  private constructor(
    readonly server: ServerHandle,
    private readonly name: string,
    readonly reference: Y.Doc,
    private readonly holder: BenchClient | null,
    private readonly ingestMs: number,
    private readonly updates: number,
  ) {}

  /**
   * Writes the updates and waits until a new client sees all of them. The baselines and the floor keep the writer
   * connected as the holder; ours closes it, so the document is unloaded before each load.
   */
  static async prepare(server: ServerHandle, params: ColdParams): Promise<ColdSubject> {
    const name = server.docName();
    await server.prepareDocs([name]);
    const writer = await load(server, name);
    const started = performance.now();
    try {
      await writeUpdates(writer, params.updates);
      await waitUntilStored(server, name, writer.doc as Y.Doc);
    } catch (error) {
      await writer.close();
      throw error;
    }
    const ingestMs = performance.now() - started;
    const reference = new Y.Doc();
    Y.applyUpdate(reference, Y.encodeStateAsUpdate(writer.doc as Y.Doc));
    const holdsInMemory = server.kind !== 'anguan';
    if (!holdsInMemory) await writer.close();
    return new ColdSubject(server, name, reference, holdsInMemory ? writer : null, ingestMs, params.updates);
  }

  /** One timed load by a fresh client; throws if it returns a different state. */
  async loadOnce(): Promise<void> {
    warmUpClient(this.reference);
    const cpuBefore = readProcess(this.server.pid).cpuMs;
    const client = await load(this.server, this.name);
    this.serverCpuMs.push(readProcess(this.server.pid).cpuMs - cpuBefore);
    const ok = sameState(client.doc as Y.Doc, this.reference);
    await client.close();
    if (!ok) throw new Error(`${this.server.kind}: cold load returned a different state`);
    this.loadsMs.push(client.syncedMs);
    this.opensMs.push(client.openMs);
    this.step2sMs.push(client.step2Ms);
    this.step2Bytes = client.step2Bytes;
    this.appliesMs.push(client.step2ApplyMs);
  }

  /** Closes the holder and summarizes the loads. */
  async finish(): Promise<ColdResult> {
    await this.holder?.close();
    return {
      updates: this.updates,
      docBytes: Y.encodeStateAsUpdate(this.reference).byteLength,
      step2Bytes: this.step2Bytes,
      appliesMs: this.appliesMs,
      medianServerCpuMs: median(this.serverCpuMs),
      ingestMs: this.ingestMs,
      loadsMs: this.loadsMs,
      medianMs: median(this.loadsMs),
      medianOpenMs: median(this.opensMs),
      medianStep2Ms: median(this.step2sMs),
      fromMemory: this.holder !== null,
    };
  }
}

/** What the interleaved run gives each server: its result, or why it has none. */
export type ColdOutcome = { result: ColdResult } | { error: string };

/**
 * Runs the cold-load scenario against several running servers at once. Each gets the document; then the loads
 * alternate between them (the order rotating every round), so a slow moment of this shared machine hits all of
 * them alike instead of whichever server happened to be measured then. Before every load, the client and every
 * server idle equally long ({@link ColdParams.unloadWaitMs}; ours unloads the document in it).
 */
export async function runCold(
  servers: readonly ServerHandle[],
  params: ColdParams,
): Promise<Map<ServerHandle, ColdOutcome>> {
  const outcomes = new Map<ServerHandle, ColdOutcome>();
  let subjects: ColdSubject[] = [];
  for (const server of servers) {
    try {
      subjects.push(await ColdSubject.prepare(server, params));
    } catch (error) {
      outcomes.set(server, { error: (error as Error).message });
    }
  }
  for (let round = 0; round < params.repetitions; round++) {
    const order = subjects.map((_, i) => subjects[(i + round) % subjects.length] as ColdSubject);
    for (const subject of order) {
      await sleep(params.unloadWaitMs);
      try {
        await subject.loadOnce();
      } catch (error) {
        outcomes.set(subject.server, { error: (error as Error).message });
        await subject.finish();
        subjects = subjects.filter((s) => s !== subject);
      }
    }
  }
  for (const subject of subjects) outcomes.set(subject.server, { result: await subject.finish() });
  return outcomes;
}
