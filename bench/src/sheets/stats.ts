/** Percentiles of timing samples (nearest-rank), in the samples' unit. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
  return { n: sorted.length, p50: round(rank(0.5)), p95: round(rank(0.95)), max: round(sorted.at(-1) ?? NaN) };
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** a / b, or null when b is 0 or not a number. */
export const ratio = (a: number, b: number): number | null => (b > 0 && Number.isFinite(a) ? round(a / b) : null);
