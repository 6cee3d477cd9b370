import { describe, expect, it } from 'vitest';
import { median, medianMerge, percentile, summarize } from './stats.js';

describe('percentile', () => {
  it('interpolates linearly between closest ranks, like numpy and PERCENTILE.INC', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 40)).toBeCloseTo(29);
    expect(percentile(values, 95)).toBeCloseTo(48);
  });

  it('does not depend on input order and leaves the input untouched', () => {
    const values = [9, 1, 5, 3, 7];
    expect(percentile(values, 25)).toBe(3);
    expect(values).toEqual([9, 1, 5, 3, 7]);
  });

  it('returns NaN for an empty sample and rejects out-of-range percentiles', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('takes the mean of the middle pair as the median of an even sample', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('summarize', () => {
  it('reports count, mean, p50, p95, p99 and max', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(summarize(values)).toEqual({ count: 101, mean: 50, p50: 50, p95: 95, p99: 99, max: 100 });
  });

  it('gives NaN statistics for an empty sample', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
    expect(summary.max).toBeNaN();
  });
});

describe('medianMerge', () => {
  it('takes the median of every number across rounds and concatenates arrays', () => {
    const rounds = [
      { latency: { p50: 1, p99: 9 }, failures: ['a'], label: 'x' },
      { latency: { p50: 5, p99: Number.NaN }, failures: [], label: 'x' },
      { latency: { p50: 3, p99: 7 }, failures: ['b'], label: 'x' },
    ];
    expect(medianMerge(rounds)).toEqual({ latency: { p50: 3, p99: 8 }, failures: ['a', 'b'], label: 'x' });
  });

  it('returns a single round unchanged', () => {
    const round = { p50: 1 };
    expect(medianMerge([round])).toBe(round);
  });
});
