import type { BlobStore, StoredBlob } from './blob-store';

/** What one upload attempt came to. */
export type UploadOutcome =
  | { kind: 'stored' }
  /** Network down, server busy, session expired: try again later. */
  | { kind: 'retry'; reason: string }
  /** The server will never take it (wrong type, too big): stop trying and show why. */
  | { kind: 'rejected'; reason: string };

export type Uploader = (blob: StoredBlob) => Promise<UploadOutcome>;

export interface UploadQueueOptions {
  /** Waits between failed rounds, in ms; the last one repeats. */
  retryDelaysMs: readonly number[];
  /** Timer seam for tests; returns a cancel function. */
  schedule?: (run: () => void, delayMs: number) => () => void;
  now?: () => number;
}

export interface UploadQueueState {
  /** Blobs on the device that the server does not have yet. */
  pending: number;
  /** Blobs the server refused for good. */
  rejected: number;
  /** Why the last round stopped, in zh-CN; null after a clean round. */
  lastError: string | null;
}

const defaultSchedule = (run: () => void, delayMs: number) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

/**
 * Sends device-held blobs to the server one at a time, oldest first. A round stops at the first retryable
 * failure and tries again after a backoff (or at once on {@link flush}); nothing is ever dropped from the store.
 */
export class BlobUploadQueue {
  private state: UploadQueueState = { pending: 0, rejected: 0, lastError: null };
  private readonly listeners = new Set<(state: UploadQueueState) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;
  /** Refusals seen by this queue since the app started. */
  private rejectedCount = 0;

  constructor(
    private readonly store: BlobStore,
    private readonly upload: Uploader,
    private readonly options: UploadQueueOptions,
  ) {}

  get current(): UploadQueueState {
    return this.state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe. */
  subscribe(listener: (state: UploadQueueState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs a round now (or right after the one in flight). Resolves when the queue is idle. */
  flush(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.cancelRetry?.();
    this.cancelRetry = null;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = null));
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.round();
    } while (this.again && !this.stopped);
  }

  private async round(): Promise<void> {
    let lastError: string | null = null;
    for (const blob of await this.store.pending()) {
      if (this.stopped) return;
      const outcome = await this.upload(blob).catch(
        (error: unknown): UploadOutcome => ({ kind: 'retry', reason: String(error) }),
      );
      if (outcome.kind === 'retry') {
        await this.publish(outcome.reason);
        this.scheduleRetry();
        return;
      }
      this.failures = 0;
      if (outcome.kind === 'stored') {
        await this.store.update(blob.hash, { uploadedAt: (this.options.now ?? Date.now)() });
      } else {
        await this.store.update(blob.hash, { rejected: outcome.reason });
        this.rejectedCount++;
        lastError = outcome.reason;
      }
      await this.publish(lastError);
    }
    await this.publish(lastError);
  }

  private scheduleRetry(): void {
    const delays = this.options.retryDelaysMs;
    const delay = delays[Math.min(this.failures, delays.length - 1)] ?? 30_000;
    this.failures++;
    const schedule = this.options.schedule ?? defaultSchedule;
    this.cancelRetry = schedule(() => void this.flush(), delay);
  }

  /** Recounts from the store and tells listeners. */
  async publish(lastError: string | null = this.state.lastError): Promise<void> {
    const pending = (await this.store.pending()).length;
    this.state = { pending, rejected: this.rejectedCount, lastError };
    for (const listener of this.listeners) listener(this.state);
  }
}
