/**
 * The driver's side of the client workers: forks them, hands each a share of the connections, and gathers their
 * replies. Workers are separate processes (not threads), so their CPU never lands on a server's account.
 *
 * @module
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Endpoint } from './client.js';
import type { ClientSpec, DriverMessage, OpenedReport, RunReport, WorkerMessage } from './worker-messages.js';

const workerFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'worker.ts');

/** A worker must answer any command within this long, or the run fails instead of hanging. */
const REPLY_TIMEOUT_MS = 180_000;

class WorkerHandle {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(workerFile, [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }

  get pid(): number {
    return this.child.pid as number;
  }

  request<T extends WorkerMessage>(message: DriverMessage, expect: T['type']): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => cleanup(new Error(`worker ${this.pid}: no ${expect} reply`)),
        REPLY_TIMEOUT_MS,
      );
      const onMessage = (reply: WorkerMessage): void => {
        if (reply.type === 'error') cleanup(new Error(`worker ${this.pid}: ${reply.message}`));
        else if (reply.type === expect) cleanup(undefined, reply as T);
      };
      const onExit = (code: number | null): void =>
        cleanup(new Error(`worker ${this.pid} exited with ${code}`));
      const cleanup = (error?: Error, value?: T): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        if (error) reject(error);
        else resolve(value as T);
      };
      this.child.on('message', onMessage);
      this.child.once('exit', onExit);
      this.child.send(message);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || !this.child.connected) return;
    try {
      await this.request({ type: 'close' }, 'closed');
    } catch {
      // Fall through to the kill below.
    }
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
  }
}

/** Connect results merged over all workers. */
export interface PoolOpened {
  readonly connectMs: number[];
  readonly failures: string[];
}

/** Run results merged over all workers. */
export interface PoolRun {
  readonly latencyMs: number[];
  readonly sent: number;
  readonly skipped: number;
  readonly received: number;
  readonly clientCpuMs: number;
}

/** A set of client worker processes. */
export class ClientPool {
  private readonly workers: WorkerHandle[];

  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => new WorkerHandle());
  }

  /** Deals `clients` round-robin to the workers and opens them. */
  async open(endpoint: Endpoint, clients: readonly ClientSpec[]): Promise<PoolOpened> {
    const shares = this.workers.map((): ClientSpec[] => []);
    clients.forEach((spec, index) => shares[index % shares.length]?.push(spec));
    const replies = await Promise.all(
      this.workers.map((worker, index) =>
        worker.request<OpenedReport>({ type: 'open', endpoint, clients: shares[index] ?? [] }, 'opened'),
      ),
    );
    return {
      connectMs: replies.flatMap((r) => r.connectMs),
      failures: replies.flatMap((r) => r.failures),
    };
  }

  /** Every writer writes at `ratePerWriter` per second for `durationMs`, then receivers drain for `drainMs`. */
  async run(durationMs: number, ratePerWriter: number, drainMs: number): Promise<PoolRun> {
    const replies = await Promise.all(
      this.workers.map((worker) =>
        worker.request<RunReport>({ type: 'run', durationMs, ratePerWriter, drainMs }, 'ran'),
      ),
    );
    return {
      latencyMs: replies.flatMap((r) => r.latencyMs),
      sent: replies.reduce((sum, r) => sum + r.sent, 0),
      skipped: replies.reduce((sum, r) => sum + r.skipped, 0),
      received: replies.reduce((sum, r) => sum + r.received, 0),
      clientCpuMs: replies.reduce((sum, r) => sum + r.cpuMs, 0),
    };
  }

  /** Closes every connection and ends the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}
