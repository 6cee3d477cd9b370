/**
 * A client worker process: opens the connections the driver asks for, writes at the requested rate, records the
 * latency of every probe it receives, and reports back over IPC. Run with `child_process.fork` (see `pool.ts`).
 *
 * @module
 */
import { BenchClient, type Endpoint } from './client.js';
import { makeProbe, type Probe } from './protocol.js';
import type { ClientSpec, DriverMessage, RunReport, WorkerMessage } from './worker-messages.js';

/** Handshakes in flight at once per worker, so connect time measures the server, not a thundering herd. */
const OPEN_CONCURRENCY = 16;
/** A writer skips a tick while its socket has this much unsent (the server is not reading fast enough). */
const BACKPRESSURE_BYTES = 1 << 20;
/** Shortest writer tick; higher rates write several updates per tick. */
const MIN_TICK_MS = 10;
/** Most updates one writer catches up on in one tick. */
const MAX_CATCH_UP = 20;
/** Distinct map keys each writer cycles through, so old values become tombstones as in real edits. */
const KEYS_PER_WRITER = 32;

interface Writer {
  readonly client: BenchClient;
  readonly id: number;
  seq: number;
}

const clients: BenchClient[] = [];
const writers: Writer[] = [];
let recording = false;
let latencyMs: number[] = [];

function reply(message: WorkerMessage): void {
  process.send?.(message);
}

function onProbe(ownWriter: number | undefined) {
  return (probe: Probe, receivedMs: number): void => {
    if (recording && probe.writer !== ownWriter) latencyMs.push(receivedMs - probe.sentMs);
  };
}

function writeOne(writer: Writer): boolean {
  const doc = writer.client.doc;
  if (!doc || writer.client.bufferedAmount > BACKPRESSURE_BYTES) return false;
  const seq = writer.seq++;
  const probe = makeProbe(writer.id, seq, performance.timeOrigin + performance.now());
  doc.getMap('deductions').set(`w${writer.id}-${seq % KEYS_PER_WRITER}`, probe);
  return true;
}

function seed(client: BenchClient, entries: number): void {
  const doc = client.doc;
  if (!doc) return;
  doc.transact(() => {
    const map = doc.getMap('terms');
    for (let i = 0; i < entries; i++) map.set(`item-${i}`, { score: i % 10, note: `检查项 ${i} 已完成整改` });
  });
}

async function open(endpoint: Endpoint, specs: readonly ClientSpec[]): Promise<void> {
  const connectMs: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < specs.length) {
      const spec = specs[next++] as ClientSpec;
      const client = new BenchClient(
        endpoint,
        spec.docName,
        spec.mode,
        onProbe(spec.writerId),
        spec.cookieIndex,
      );
      clients.push(client);
      try {
        await client.synced;
        connectMs.push(client.syncedMs);
        if (spec.seedEntries) seed(client, spec.seedEntries);
        if (spec.writerId !== undefined) writers.push({ client, id: spec.writerId, seq: 0 });
      } catch (error) {
        failures.push(`${spec.docName}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: OPEN_CONCURRENCY }, lane));
  reply({ type: 'opened', connectMs, failures });
}

async function run(durationMs: number, ratePerWriter: number, drainMs: number): Promise<void> {
  latencyMs = [];
  recording = true;
  const cpuBefore = process.cpuUsage();
  let sent = 0;
  let skipped = 0;
  // Open loop: each tick writes whatever is due since the start, so timer lag on a busy machine does not lower the
  // offered rate (catch-up is capped per tick so a long stall does not turn into one huge burst).
  const intervalMs = Math.max(1000 / ratePerWriter, MIN_TICK_MS);
  const startedAt = performance.now();
  const timers = writers.map((writer, index) => {
    let written = 0;
    const tick = (): void => {
      const due = Math.floor(((performance.now() - startedAt) * ratePerWriter) / 1000) + 1 - written;
      for (let i = 0; i < Math.min(due, MAX_CATCH_UP); i++, written++) {
        if (writeOne(writer)) sent++;
        else skipped++;
      }
    };
    // Stagger writers across one interval so the load is smooth, not a burst per tick.
    const offset = (index / Math.max(writers.length, 1)) * intervalMs;
    let interval: NodeJS.Timeout | undefined;
    const start = setTimeout(() => {
      tick();
      interval = setInterval(tick, intervalMs);
    }, offset);
    return () => {
      clearTimeout(start);
      clearInterval(interval);
    };
  });
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  for (const stop of timers) stop();
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  recording = false;
  const cpu = process.cpuUsage(cpuBefore);
  const report: RunReport = {
    type: 'ran',
    latencyMs,
    sent,
    skipped,
    received: latencyMs.length,
    cpuMs: (cpu.user + cpu.system) / 1000,
  };
  reply(report);
}

async function close(): Promise<void> {
  await Promise.all(clients.map((client) => client.close()));
  reply({ type: 'closed' });
  process.disconnect?.();
}

process.on('message', (message: DriverMessage) => {
  const task =
    message.type === 'open'
      ? open(message.endpoint, message.clients)
      : message.type === 'run'
        ? run(message.durationMs, message.ratePerWriter, message.drainMs)
        : close();
  task.catch((error: unknown) => reply({ type: 'error', message: String((error as Error)?.stack ?? error) }));
});
