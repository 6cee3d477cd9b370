/**
 * Sends what the device made offline to the server when it can: blob uploads and document registrations.
 * One item at a time, oldest first; a round stops at the first retryable failure and tries again after a
 * backoff (or at once on {@link OutboxQueue.flush}); nothing is ever dropped.
 *
 * @module
 */

/** What one attempt to send an item came to. */
export type SendOutcome =
  | { kind: 'sent' }
  /** Network down, server busy, session expired: try again later. */
  | { kind: 'retry'; reason: string }
  /** The server will never take it (wrong type, no permission): stop trying and show why. */
  | { kind: 'rejected'; reason: string };

/** The device storage behind a queue. */
export interface OutboxStore<T> {
  /** Items still to send, oldest first (neither sent nor rejected). */
  pending(): Promise<T[]>;
  /** Records the final outcome of an item. */
  settle(item: T, outcome: { sentAt: number } | { rejected: string }): Promise<void>;
}

export interface OutboxQueueOptions {
  /** Waits between failed rounds, in ms; the last one repeats. */
  retryDelaysMs: readonly number[];
  /** Timer seam for tests; returns a cancel function. */
  schedule?: (run: () => void, delayMs: number) => () => void;
  now?: () => number;
}

export interface OutboxState {
  /** Items on the device that the server does not have yet. */
  pending: number;
  /** Items the server refused for good since the app started. */
  rejected: number;
  /** Why the last round stopped (zh-CN); null after a clean round. */
  lastError: string | null;
}

const defaultSchedule = (run: () => void, delayMs: number) => {
  const timer = setTimeout(run, delayMs);
  return () => clearTimeout(timer);
};

export class OutboxQueue<T> {
  private state: OutboxState = { pending: 0, rejected: 0, lastError: null };
  private readonly listeners = new Set<(state: OutboxState) => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private cancelRetry: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly store: OutboxStore<T>,
    private readonly send: (item: T) => Promise<SendOutcome>,
    private readonly options: OutboxQueueOptions,
  ) {}

  get current(): OutboxState {
    return this.state;
  }

  /** Calls `listener` on every state change; returns the unsubscribe. */
  subscribe(listener: (state: OutboxState) => void): () => void {
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

  /** Recounts from the store and tells listeners. */
  async publish(lastError: string | null = this.state.lastError): Promise<void> {
    const pending = (await this.store.pending()).length;
    this.state = { pending, rejected: this.state.rejected, lastError };
    for (const listener of this.listeners) listener(this.state);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.round();
    } while (this.again && !this.stopped);
  }

  private async round(): Promise<void> {
    let lastError: string | null = null;
    for (const item of await this.store.pending()) {
      if (this.stopped) return;
      const outcome = await this.send(item).catch(
        (error: unknown): SendOutcome => ({ kind: 'retry', reason: String(error) }),
      );
      if (outcome.kind === 'retry') {
        await this.publish(outcome.reason);
        this.scheduleRetry();
        return;
      }
      this.failures = 0;
      if (outcome.kind === 'sent') {
        await this.store.settle(item, { sentAt: (this.options.now ?? Date.now)() });
      } else {
        await this.store.settle(item, { rejected: outcome.reason });
        this.state = { ...this.state, rejected: this.state.rejected + 1 };
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
}
