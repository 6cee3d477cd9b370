import type { TimelineEntry } from '$lib/api';

/** Keeps the entries that match every set filter (dates inclusive). */
export function filterTimeline(
  entries: readonly TimelineEntry[],
  filter: { origin: string; method: string; from: string; to: string },
): TimelineEntry[] {
  return entries.filter(
    (e) =>
      (!filter.origin || e.origin === filter.origin) &&
      (!filter.method || e.method === filter.method) &&
      (!filter.from || e.date >= filter.from) &&
      (!filter.to || e.date <= filter.to),
  );
}
