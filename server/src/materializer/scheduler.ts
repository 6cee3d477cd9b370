/** Timer functions, injectable so tests can drive time (vitest fake timers work as well). */
export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface SchedulerOptions {
  /** Wait this long after the last change before running (default 2 s). */
  readonly debounceMs: number;
  /** Run at the latest this long after the first unprocessed change, however busy the document (default 10 s). */
  readonly maxWaitMs: number;
  /** First retry delay after a failure; doubles per failure up to {@link retryMaxMs} (default 1 s → 60 s). */
  readonly retryInitialMs: number;
  readonly retryMaxMs: number;
  readonly log: (line: string) => void;
  readonly timers: SchedulerTimers;
}

export const MATERIALIZE_DEBOUNCE_MS = 2_000;
export const MATERIALIZE_MAX_WAIT_MS = 10_000;
export const MATERIALIZE_RETRY_INITIAL_MS = 1_000;
export const MATERIALIZE_RETRY_MAX_MS = 60_000;

export const defaultSchedulerOptions: SchedulerOptions = Object.freeze({
  debounceMs: MATERIALIZE_DEBOUNCE_MS,
  maxWaitMs: MATERIALIZE_MAX_WAIT_MS,
  retryInitialMs: MATERIALIZE_RETRY_INITIAL_MS,
  retryMaxMs: MATERIALIZE_RETRY_MAX_MS,
  log: (line: string) => console.warn(line),
  timers: {
    setTimeout: (fn: () => void, ms: number) => {
      const handle = setTimeout(fn, ms);
      handle.unref();
      return handle;
    },
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  },
});

interface Entry {
  /** When the oldest change not yet picked up by a run arrived (for the max wait). */
  firstChangeAt: number;
  /** When the latest change arrived (for the debounce). */
  lastChangeAt: number;
  /** A change arrived that no run has picked up yet. */
  dirty: boolean;
  timer: unknown;
  running: Promise<void> | null;
  failures: number;
}

/**
 * Runs `run(docName)` when a document's changes settle (STYLE.md rule 5, after hocuspocus' debounce + maxDebounce):
 * debounced per document with a maximum wait, never two runs of one document at once (a change during a run
 * triggers another run after it), and a failed run is retried with exponential backoff — a change is never
 * dropped while the process lives.
 */
export class MaterializeScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly options: SchedulerOptions;
  private closed = false;

  constructor(
    private readonly run: (docName: string) => void | Promise<void>,
    options: Partial<SchedulerOptions> = {},
  ) {
    this.options = { ...defaultSchedulerOptions, ...options };
  }

  /** Documents with work pending or running. */
  get pending(): number {
    return this.entries.size;
  }

  /** Notes a change of `docName`. */
  schedule(docName: string): void {
    if (this.closed) return;
    const now = this.options.timers.now();
    let entry = this.entries.get(docName);
    if (!entry) {
      entry = {
        firstChangeAt: now,
        lastChangeAt: now,
        dirty: false,
        timer: null,
        running: null,
        failures: 0,
      };
      this.entries.set(docName, entry);
    }
    if (!entry.dirty) entry.firstChangeAt = now;
    entry.lastChangeAt = now;
    entry.dirty = true;
    // While running, the run's end re-arms; while backing off, the retry picks the change up; while armed, the
    // timer re-checks the due time when it fires (one timer per quiet period, not one per change).
    if (entry.running || entry.failures > 0 || entry.timer !== null) return;
    this.arm(docName, entry);
  }

  /** Runs everything pending now (once each) and waits for all runs; for shutdown and tests. */
  async flush(): Promise<void> {
    for (const [docName, entry] of this.entries) {
      if (entry.dirty && !entry.running) {
        this.options.timers.clearTimeout(entry.timer);
        this.start(docName, entry);
      }
    }
    const running = [...this.entries.values()].flatMap((e) => (e.running ? [e.running] : []));
    await Promise.all(running);
  }

  /**
   * Runs `docName` now — after a run already in progress, never beside it — and resolves when that run ended
   * (sealing answers only after its final materialization). A failure is retried as usual.
   */
  async runNow(docName: string): Promise<void> {
    this.schedule(docName);
    const entry = this.entries.get(docName);
    if (!entry) return;
    if (entry.running) await entry.running;
    if (entry.dirty && !entry.running) {
      this.options.timers.clearTimeout(entry.timer);
      this.start(docName, entry);
    }
    await entry.running;
  }

  /** Flushes, then stops scheduling. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    for (const entry of this.entries.values()) this.options.timers.clearTimeout(entry.timer);
  }

  private arm(docName: string, entry: Entry): void {
    const { timers, debounceMs, maxWaitMs } = this.options;
    timers.clearTimeout(entry.timer);
    const check = () => {
      const now = timers.now();
      const due = Math.min(entry.lastChangeAt + debounceMs, entry.firstChangeAt + maxWaitMs);
      if (now < due) entry.timer = timers.setTimeout(check, due - now);
      else this.start(docName, entry);
    };
    const now = timers.now();
    const due = Math.min(entry.lastChangeAt + debounceMs, entry.firstChangeAt + maxWaitMs);
    entry.timer = timers.setTimeout(check, Math.max(0, due - now));
  }

  private start(docName: string, entry: Entry): void {
    entry.timer = null;
    entry.dirty = false;
    entry.running = (async () => {
      try {
        await this.run(docName);
        entry.failures = 0;
      } catch (error) {
        entry.failures++;
        entry.dirty = true;
        this.options.log(
          `[materializer] ${docName} failed (attempt ${entry.failures}): ${(error as Error).message}`,
        );
      } finally {
        entry.running = null;
        this.afterRun(docName, entry);
      }
    })();
  }

  private afterRun(docName: string, entry: Entry): void {
    if (this.closed && !entry.dirty) return void this.entries.delete(docName);
    if (entry.failures > 0) {
      const { retryInitialMs, retryMaxMs, timers } = this.options;
      const delay = Math.min(retryInitialMs * 2 ** (entry.failures - 1), retryMaxMs);
      entry.timer = timers.setTimeout(() => this.start(docName, entry), delay);
    } else if (entry.dirty) {
      this.arm(docName, entry);
    } else {
      this.entries.delete(docName);
    }
  }
}
