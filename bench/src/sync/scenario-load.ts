/**
 * The fan-out scenario: D documents × C clients per document, one writer per document sending at a fixed rate
 * (steady) and then as fast as back-pressure allows (burst). Measures connect time, propagation latency, delivered
 * updates per second, and the server's CPU and RSS while it runs.
 *
 * @module
 */
import { ClientPool } from './pool.js';
import { cpuPercent, readProcess, startRssSampler } from './proc-stats.js';
import type { ServerHandle } from './servers.js';
import { summarize, type Summary } from './stats.js';
import type { ClientSpec } from './worker-messages.js';

/** Shape of one load run. */
export interface LoadParams {
  readonly docs: number;
  /** Clients per document, the writer included. */
  readonly clientsPerDoc: number;
  /** Updates per second each writer sends in the steady phase. */
  readonly ratePerWriter: number;
  readonly steadyMs: number;
  /** Updates per second each writer attempts in the burst phase (skipped when the socket backs up). */
  readonly burstRatePerWriter: number;
  readonly burstMs: number;
  readonly workers: number;
  /** Receivers per document that keep a full Y.Doc (the rest are light). */
  readonly fullReceiversPerDoc: number;
}

/** Results of one phase of sending. */
export interface PhaseResult {
  readonly latencyMs: Summary;
  readonly sentPerS: number;
  readonly deliveredPerS: number;
  /** Deliveries seen ÷ deliveries expected (sent × (C − 1)); below 1 means updates were still queued or lost. */
  readonly deliveryRatio: number;
  readonly skippedWrites: number;
  /** Server CPU in % of one core over the phase. */
  readonly serverCpuPct: number;
  /**
   * Server CPU time per delivered update, in µs: what each fan-out costs the server. Unlike latency it hardly moves
   * when other processes compete for the CPU, so it is the fairest comparison on a busy machine.
   */
  readonly serverCpuUsPerDelivery: number;
  /** All client workers' CPU in % of one core over the phase. */
  readonly clientCpuPct: number;
  readonly serverRssPeakMiB: number;
}

export interface LoadResult {
  readonly connections: number;
  readonly connectMs: Summary;
  readonly connectFailures: string[];
  /** Server CPU in % of one core while all clients connected. */
  readonly connectServerCpuPct: number;
  /** Server CPU time per connection established (upgrade, auth, handshake), in ms. */
  readonly connectServerCpuMsPerConnection: number;
  readonly steady: PhaseResult;
  readonly burst: PhaseResult;
  readonly serverRssAfterMiB: number;
}

/** Time receivers get after the writers stop, to count what was still in flight. */
const DRAIN_MS = 1_000;
const WARMUP_MS = 1_000;
const MIB = 1024 * 1024;

function plan(server: ServerHandle, params: LoadParams): { names: string[]; specs: ClientSpec[] } {
  const names = Array.from({ length: params.docs }, () => server.docName());
  const specs: ClientSpec[] = [];
  names.forEach((docName, doc) => {
    specs.push({ docName, mode: 'full', writerId: doc, cookieIndex: specs.length });
    for (let i = 1; i < params.clientsPerDoc; i++) {
      const mode = i <= params.fullReceiversPerDoc ? 'full' : 'light';
      specs.push({ docName, mode, cookieIndex: specs.length });
    }
  });
  return { names, specs };
}

async function phase(
  pool: ClientPool,
  server: ServerHandle,
  params: LoadParams,
  rate: number,
  durationMs: number,
): Promise<PhaseResult> {
  const sampler = startRssSampler(server.pid);
  const before = readProcess(server.pid);
  const run = await pool.run(durationMs, rate, DRAIN_MS);
  const after = readProcess(server.pid);
  const { peakRssBytes } = sampler.stop();
  const seconds = durationMs / 1000;
  const wallMs = after.atMs - before.atMs;
  return {
    latencyMs: summarize(run.latencyMs),
    sentPerS: run.sent / seconds,
    deliveredPerS: run.received / seconds,
    deliveryRatio: run.sent === 0 ? NaN : run.received / (run.sent * (params.clientsPerDoc - 1)),
    skippedWrites: run.skipped,
    serverCpuPct: cpuPercent(before, after),
    serverCpuUsPerDelivery: run.received === 0 ? NaN : ((after.cpuMs - before.cpuMs) * 1000) / run.received,
    clientCpuPct: (run.clientCpuMs / wallMs) * 100,
    serverRssPeakMiB: peakRssBytes / MIB,
  };
}

/** Runs the load scenario against a freshly started server. */
export async function runLoad(server: ServerHandle, params: LoadParams): Promise<LoadResult> {
  const { names, specs } = plan(server, params);
  await server.prepareDocs(names);
  const pool = new ClientPool(params.workers);
  try {
    const before = readProcess(server.pid);
    const opened = await pool.open(server.endpoint, specs);
    const after = readProcess(server.pid);
    await pool.run(WARMUP_MS, params.ratePerWriter, DRAIN_MS);
    const steady = await phase(pool, server, params, params.ratePerWriter, params.steadyMs);
    const burst = await phase(pool, server, params, params.burstRatePerWriter, params.burstMs);
    return {
      connections: specs.length,
      connectMs: summarize(opened.connectMs),
      connectFailures: opened.failures.slice(0, 10),
      connectServerCpuPct: cpuPercent(before, after),
      connectServerCpuMsPerConnection: (after.cpuMs - before.cpuMs) / Math.max(opened.connectMs.length, 1),
      steady,
      burst,
      serverRssAfterMiB: readProcess(server.pid).rssBytes / MIB,
    };
  } finally {
    await pool.close();
  }
}
