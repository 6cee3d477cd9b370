/**
 * Pure statistics helpers: percentiles by linear interpolation between closest ranks (the same definition as
 * numpy's default and Excel's PERCENTILE.INC), and a fixed summary used in every report row.
 *
 * @module
 */

/** The `p`-th percentile (0–100) of `values`; NaN for an empty list. Does not modify `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = Float64Array.from(values).sort();
  return percentileOfSorted(sorted, p);
}

/** Like {@link percentile} for input already sorted ascending. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (rank - low);
}

/** The median (50th percentile). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Count, mean, p50/p95/p99 and max of a sample, in the sample's unit. */
export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/** Summarizes `values`; every field but `count` is NaN for an empty sample. */
export function summarize(values: readonly number[]): Summary {
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? NaN : total / sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length === 0 ? NaN : (sorted[sorted.length - 1] as number),
  };
}

/**
 * Merges results of repeated rounds of the same shape: every number becomes the median of its values across the
 * rounds (NaN ones ignored), arrays are concatenated, objects are merged field by field. Medians over interleaved
 * rounds keep one busy moment on a shared machine from deciding a comparison.
 */
export function medianMerge<T>(rounds: readonly T[]): T {
  const first = rounds[0];
  if (rounds.length <= 1 || first === undefined) return first as T;
  if (typeof first === 'number') {
    const values = (rounds as readonly number[]).filter((v) => !Number.isNaN(v));
    return (values.length ? median(values) : NaN) as T;
  }
  if (Array.isArray(first)) return (rounds as readonly unknown[][]).flat() as T;
  if (first !== null && typeof first === 'object') {
    const merged: Record<string, unknown> = {};
    for (const key of Object.keys(first)) {
      merged[key] = medianMerge(rounds.map((round) => (round as Record<string, unknown>)[key]));
    }
    return merged as T;
  }
  return first;
}
