import { eq } from 'drizzle-orm';
import { SHANGHAI_OFFSET_MS } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import { documents } from '../db/schema/index.js';
import { evaluateAllAlerts, evaluateProjectAlerts } from './engine.js';
import { deliverDueWebhooks } from './webhooks/queue.js';
import { msToWeeklySummary, sendWeeklySummaries } from './weekly/send.js';

export interface AlertSchedulerOptions {
  /** Full pass (and due webhook retries) this often; default 10 minutes. */
  readonly intervalMs: number;
  /** A changed project is re-evaluated once changes have paused this long; default 2 s. */
  readonly debounceMs: number;
}

export const defaultAlertSchedulerOptions: AlertSchedulerOptions = Object.freeze({
  intervalMs: 10 * 60_000,
  debounceMs: 2_000,
});

const DAY_MS = 24 * 3600_000;

/** Milliseconds from `now` to the next Asia/Shanghai midnight (never 0, so the pass runs after the day turned). */
export function msToShanghaiMidnight(now: Date): number {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return DAY_MS - (((local % DAY_MS) + DAY_MS) % DAY_MS) + 1_000;
}

/**
 * Runs the alert rules on change (a project's documents materialized, debounced per project) and on a schedule
 * (at start, every `intervalMs` and just after each Asia/Shanghai midnight, when day counts change).
 */
export class AlertScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<unknown>>();
  private interval: NodeJS.Timeout | null = null;
  private midnight: NodeJS.Timeout | null = null;
  private weekly: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly deps: AppDeps,
    private readonly options: AlertSchedulerOptions = defaultAlertSchedulerOptions,
    private readonly log: (line: string) => void = console.log,
  ) {}

  /** Arms the timers and runs a first pass at once (a server started after midnight must not wait 10 minutes). */
  start(): this {
    this.runAll();
    this.interval = setInterval(() => this.runAll(), this.options.intervalMs);
    this.interval.unref();
    this.armMidnight();
    this.armWeekly();
    return this;
  }

  /**
   * Re-evaluates the project once changes pause (`delayMs`, default the debounce). Registry changes pass 0: a
   * 竣工备案 is one write, and its R1 alert should reach the director while they look.
   */
  scheduleProject(projectId: string, delayMs = this.options.debounceMs): void {
    if (this.closed) return;
    clearTimeout(this.pending.get(projectId));
    const timer = setTimeout(() => {
      this.pending.delete(projectId);
      this.track(evaluateProjectAlerts(this.deps, projectId).then(() => deliverDueWebhooks(this.deps)));
    }, delayMs);
    timer.unref();
    this.pending.set(projectId, timer);
  }

  /** Re-evaluates the project a settled document belongs to. */
  async scheduleDocument(docName: string): Promise<void> {
    const [row] = await this.deps.database.db
      .select({ projectId: documents.projectId })
      .from(documents)
      .where(eq(documents.name, docName));
    if (row?.projectId) this.scheduleProject(row.projectId);
  }

  /** A full pass, due webhook retries, and last week's summary where it has not gone out (a server down at 09:00). */
  runAll(): void {
    if (this.closed) return;
    this.track(
      evaluateAllAlerts(this.deps)
        .then(() => deliverDueWebhooks(this.deps))
        .then(() => sendWeeklySummaries(this.deps)),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.interval) clearInterval(this.interval);
    if (this.midnight) clearTimeout(this.midnight);
    if (this.weekly) clearTimeout(this.weekly);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }

  private armMidnight(): void {
    this.midnight = setTimeout(() => {
      this.runAll();
      if (!this.closed) this.armMidnight();
    }, msToShanghaiMidnight(this.deps.now()));
    this.midnight.unref();
  }

  /** Monday 09:00 Asia/Shanghai: the weekly summary (安全周报) to each enterprise's robot. */
  private armWeekly(): void {
    this.weekly = setTimeout(() => {
      this.track(sendWeeklySummaries(this.deps));
      if (!this.closed) this.armWeekly();
    }, msToWeeklySummary(this.deps.now()));
    this.weekly.unref();
  }

  private track(pass: Promise<unknown>): void {
    const tracked = pass.catch((error: unknown) => this.log(`[alerts] pass failed: ${String(error)}`));
    this.running.add(tracked);
    void tracked.finally(() => this.running.delete(tracked));
  }
}
