import { describe, expect, it } from 'vitest';
import { ApiError } from '$lib/api';
import { cacheKey, MemoryAnswerStore } from '$lib/cache/api-cache';
import { overviewPath, prefetchOverviews, sectionPaths, type PrefetchOptions } from './overview-prefetch';

const project = (n: number) => ({ id: `id-${n}`, filingNumber: `F${n}` });

/** A server that answers every overview and section, recording what was asked and how many at once. */
function server(fail: (path: string) => Error | null = () => null) {
  const asked: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetchJson = async (path: string) => {
    asked.push(path);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight--;
    const error = fail(path);
    if (error) throw error;
    const match = /^\/projects\/F(\d+)\/overview$/.exec(path);
    return match ? { project: project(Number(match[1])) } : { path };
  };
  return { asked, fetchJson, mostInFlight: () => mostInFlight };
}

function options(
  fetchJson: PrefetchOptions['fetchJson'],
  extra: Partial<PrefetchOptions> = {},
): PrefetchOptions {
  return {
    userId: 'u1',
    store: new MemoryAnswerStore(),
    fetchJson,
    signal: new AbortController().signal,
    ...extra,
  };
}

describe('prefetchOverviews', () => {
  it('stores each overview and every answer its sections read, under the user’s keys', async () => {
    const { fetchJson } = server();
    const opts = options(fetchJson, { now: () => 1000 });
    const result = await prefetchOverviews(['F1', 'F2'], opts);
    expect(result).toEqual({ stored: 2, complete: true });
    for (const n of [1, 2]) {
      for (const path of [overviewPath(`F${n}`), ...sectionPaths(project(n))]) {
        expect(await opts.store.get(cacheKey('u1', path))).toMatchObject({ savedAt: 1000 });
      }
    }
    expect(await opts.store.get(cacheKey('u2', overviewPath('F1')))).toBeUndefined();
  });

  it('asks for no more projects at once than its bound', async () => {
    const s = server();
    await prefetchOverviews(['F1', 'F2', 'F3', 'F4', 'F5'], options(s.fetchJson, { concurrency: 2 }));
    expect(s.mostInFlight()).toBe(2);
    expect(s.asked).toHaveLength(5 * 4);
  });

  it('does not fetch again what the device stored recently', async () => {
    const first = server();
    const store = new MemoryAnswerStore();
    await prefetchOverviews(['F1'], options(first.fetchJson, { store, now: () => 1000 }));
    const again = server();
    await prefetchOverviews(['F1'], options(again.fetchJson, { store, now: () => 1000 + 60_000 }));
    expect(again.asked).toEqual([]);
    const later = server();
    await prefetchOverviews(['F1'], options(later.fetchJson, { store, now: () => 1000 + 3_600_000 }));
    expect(later.asked).toHaveLength(4);
  });

  it('skips a project the server refuses and keeps going', async () => {
    const s = server((path) => (path.includes('F2') ? new ApiError(404, 'not_found', '未找到该项目') : null));
    const result = await prefetchOverviews(['F1', 'F2', 'F3'], options(s.fetchJson, { concurrency: 1 }));
    expect(result).toEqual({ stored: 2, complete: true });
  });

  it('stops at the first network failure and says it did not finish', async () => {
    const s = server((path) => (path.includes('F2') ? new ApiError(0, 'network', '无法连接服务器') : null));
    const result = await prefetchOverviews(
      ['F1', 'F2', 'F3', 'F4'],
      options(s.fetchJson, { concurrency: 1 }),
    );
    expect(result).toEqual({ stored: 1, complete: false });
    expect(s.asked.some((path) => path.includes('F3'))).toBe(false);
  });

  it('stops when the user leaves the list', async () => {
    const s = server();
    const controller = new AbortController();
    let projectsStarted = 0;
    const idle = () => {
      if (++projectsStarted === 2) controller.abort();
      return Promise.resolve();
    };
    const result = await prefetchOverviews(
      ['F1', 'F2', 'F3'],
      options(s.fetchJson, { signal: controller.signal, idle, concurrency: 1 }),
    );
    expect(result).toEqual({ stored: 1, complete: false });
    expect(s.asked.every((path) => !path.includes('F2') && !path.includes('F3'))).toBe(true);
  });
});
