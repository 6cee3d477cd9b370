import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '$lib/api';
import { filterTimeline } from './overview-filter';

const entry = (id: string, origin: TimelineEntry['origin'], date: string): TimelineEntry => ({
  id,
  origin,
  method: 'terms',
  date,
  status: 'completed',
  total: null,
  grade: null,
  selfScore: null,
  rectificationRequired: false,
  rectificationDeadline: null,
  sealedAt: null,
});

const all = [entry('a', 'self', '2026-01-05'), entry('b', 'spot', '2026-02-01'), entry('c', 'spot', '2026-03-01')];
const none = { origin: '', method: '', from: '', to: '' };

describe('filterTimeline', () => {
  it('keeps everything when no filter is set', () => {
    expect(filterTimeline(all, none).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('filters by origin and by an inclusive date range together', () => {
    const picked = filterTimeline(all, { ...none, origin: 'spot', from: '2026-02-01', to: '2026-02-28' });
    expect(picked.map((e) => e.id)).toEqual(['b']);
  });
});
