/**
 * Messages between the driver and its client worker processes (Node IPC, structured clone).
 *
 * @module
 */
import type { ClientMode, Endpoint } from './client.js';

/** One connection a worker opens. */
export interface ClientSpec {
  readonly docName: string;
  readonly mode: ClientMode;
  /** Set for the clients that write; unique across the whole run, carried in every probe. */
  readonly writerId?: number;
  /** Which of the endpoint's cookies (users) this client uses; spread so no user exceeds its connection cap. */
  readonly cookieIndex: number;
  /** Map entries to write right after syncing (idle-memory runs give each doc some content). */
  readonly seedEntries?: number;
}

export type DriverMessage =
  | { readonly type: 'open'; readonly endpoint: Endpoint; readonly clients: readonly ClientSpec[] }
  | {
      readonly type: 'run';
      readonly durationMs: number;
      readonly ratePerWriter: number;
      readonly drainMs: number;
    }
  | { readonly type: 'close' };

/** Reply to `open`. */
export interface OpenedReport {
  readonly type: 'opened';
  /** Socket creation → end of sync handshake, for each client that synced, in ms. */
  readonly connectMs: number[];
  readonly failures: string[];
}

/** Reply to `run`. */
export interface RunReport {
  readonly type: 'ran';
  /** Writer send → receiver receipt, in ms, for every probe received from another client during the run. */
  readonly latencyMs: number[];
  readonly sent: number;
  /** Writes skipped because the socket had more than the back-pressure limit queued. */
  readonly skipped: number;
  readonly received: number;
  /** CPU time the worker used during the run (user + system), in ms. */
  readonly cpuMs: number;
}

export type WorkerMessage =
  | OpenedReport
  | RunReport
  | { readonly type: 'closed' }
  | { readonly type: 'error'; readonly message: string };
