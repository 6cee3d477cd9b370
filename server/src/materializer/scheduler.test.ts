import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MaterializeScheduler, type SchedulerOptions } from './scheduler.js';

const timings: Partial<SchedulerOptions> = {
  debounceMs: 2_000,
  maxWaitMs: 10_000,
  retryInitialMs: 1_000,
  retryMaxMs: 8_000,
  log: () => {},
  timers: {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  },
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('MaterializeScheduler', () => {
  it('debounces changes of one document', async () => {
    const runs: string[] = [];
    const scheduler = new MaterializeScheduler((name) => void runs.push(name), timings);
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(1_500);
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['a']);
    expect(scheduler.pending).toBe(0);
  });

  it('runs at the max wait however busy the document is', async () => {
    const runs: number[] = [];
    const scheduler = new MaterializeScheduler(() => void runs.push(Date.now()), timings);
    const start = Date.now();
    for (let t = 0; t < 12_000; t += 1_000) {
      scheduler.schedule('a');
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(runs[0]! - start).toBe(10_000);
  });

  it('never runs one document twice at once, and reruns for changes made during a run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const scheduler = new MaterializeScheduler(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      active--;
    }, timings);
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(2_000);
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
  });

  it('retries a failing run with growing delays until it succeeds', async () => {
    const attempts: number[] = [];
    const scheduler = new MaterializeScheduler(() => {
      attempts.push(Date.now());
      if (attempts.length < 4) throw new Error('database busy');
    }, timings);
    const start = Date.now();
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(attempts.map((t) => t - start)).toEqual([2_000, 3_000, 5_000, 9_000]);
    expect(scheduler.pending).toBe(0);
  });

  it('flushes pending work at once', async () => {
    const runs: string[] = [];
    const scheduler = new MaterializeScheduler((name) => void runs.push(name), timings);
    scheduler.schedule('a');
    scheduler.schedule('b');
    await scheduler.flush();
    expect(runs.sort()).toEqual(['a', 'b']);
  });

  it('runs one document now, after the run in progress, and waits for it', async () => {
    const runs: string[] = [];
    let release: () => void = () => {};
    const scheduler = new MaterializeScheduler(async (name) => {
      runs.push(`start ${name}`);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      runs.push(`end ${name}`);
    }, timings);
    scheduler.schedule('a');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runs).toEqual(['start a']);
    let done = false;
    const now = scheduler.runNow('a').then(() => (done = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toBe(false);
    release();
    await now;
    expect(runs).toEqual(['start a', 'end a', 'start a', 'end a']);
  });
});
