/**
 * The one shape every statistics figure takes: a table (the accessible form, the xlsx export) that the web also
 * draws as a chart. Rows may carry `drill`, the query of `/api/stats/records` listing the records behind them.
 *
 * @module
 */

export interface StatsColumn {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'percent';
}

export type StatsCell = string | number | null;
export type StatsRow = Record<string, StatsCell> & { drill?: string | null };

export interface StatsTable {
  id: string;
  title: string;
  /** How the web draws it; null: table only. */
  chart: 'bar' | 'pie' | 'line' | 'stacked' | null;
  /** The column naming each row (chart category). */
  category: string;
  /** The number columns the chart draws. */
  series: string[];
  columns: StatsColumn[];
  rows: StatsRow[];
  /** Certainty or scope notes that travel with the table (provisional catalogs, truncation). */
  note?: string;
}

export const text = (key: string, label: string): StatsColumn => ({ key, label, kind: 'text' });
export const number = (key: string, label: string): StatsColumn => ({ key, label, kind: 'number' });
export const percent = (key: string, label: string): StatsColumn => ({ key, label, kind: 'percent' });

/** `kind=…&a=b` for a row's drill-down (undefined values left out). */
export function drill(kind: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams({ kind });
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return query.toString();
}

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** The median of integer samples given as value → count. */
export function medianOf(histogram: { value: number; count: number }[]): number | null {
  const sorted = [...histogram].sort((a, b) => a.value - b.value);
  const n = sorted.reduce((s, h) => s + h.count, 0);
  if (n === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (k < seen) return h.value;
    }
    return sorted[sorted.length - 1]!.value;
  };
  return n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}
