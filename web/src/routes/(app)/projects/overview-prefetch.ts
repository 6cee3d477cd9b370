/**
 * Keeps project overviews on the device before they are needed: when 项目信息 is opened online, the overviews of
 * its first page (and the answers their sections read for themselves) are fetched in the background, so an
 * inspector can open any of them on site with no network (issue 10, offline). Bounded (a few at a time, each
 * after the browser is idle), skipped when the device's copy is recent, and stopped by the caller's signal or
 * at the first network failure.
 *
 * @module
 */
import { ApiError, type ProjectOverview } from '$lib/api';
import { listPath } from '$lib/api/rectifications';
import { plansPath, terminationPath } from '$lib/api/terminations';
import { cacheKey, type AnswerStore } from '$lib/cache/api-cache';

/** API path (without `/api`) of a project's overview; also its cache key's path. */
export const overviewPath = (filingNumber: string): string =>
  `/projects/${encodeURIComponent(filingNumber)}/overview`;

/** The answers an overview's sections read for themselves, each kept under its own key. */
export const sectionPaths = (project: { id: string; filingNumber: string }): string[] => [
  plansPath(project.filingNumber),
  terminationPath(project.filingNumber),
  listPath({ project: project.id }),
];

export interface PrefetchOptions {
  /** Whose device copy this is (answers are kept per user). */
  userId: string;
  store: AnswerStore;
  fetchJson: (path: string, signal: AbortSignal) => Promise<unknown>;
  /** Aborted when the user leaves the list or changes its filters. */
  signal: AbortSignal;
  /** Projects fetched at once; the page's own reads go first. */
  concurrency?: number;
  /** A stored answer younger than this is not fetched again (ms). */
  freshForMs?: number;
  now?: () => number;
  /** Resolves when the browser has time to spare (before each project). */
  idle?: () => Promise<void>;
}

/** What a prefetch achieved: how many overviews (with their sections) are on the device now. */
export interface PrefetchResult {
  stored: number;
  /** False when it stopped early (signal, network lost). */
  complete: boolean;
}

class Stop extends Error {}

/** Fetches and stores the overviews of `filingNumbers` and their sections; never throws. */
export async function prefetchOverviews(
  filingNumbers: readonly string[],
  options: PrefetchOptions,
): Promise<PrefetchResult> {
  const queue = [...filingNumbers];
  let stored = 0;
  let stopped = false;
  const worker = async () => {
    while (queue.length > 0 && !stopped) {
      const filingNumber = queue.shift()!;
      try {
        await (options.idle?.() ?? Promise.resolve());
        if (options.signal.aborted) throw new Stop();
        if (await prefetchOne(filingNumber, options)) stored++;
      } catch (error) {
        // A project the user may no longer read (403/404) is skipped; anything else ends the whole run.
        if (error instanceof ApiError && !error.isNetwork) continue;
        stopped = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return { stored, complete: !stopped && !options.signal.aborted };
}

/** One overview and its sections; true when all of them are on the device afterwards. */
async function prefetchOne(filingNumber: string, options: PrefetchOptions): Promise<boolean> {
  const overview = (await keep(overviewPath(filingNumber), options)) as ProjectOverview;
  for (const path of sectionPaths(overview.project)) {
    if (options.signal.aborted) throw new Stop();
    await keep(path, options);
  }
  return true;
}

/** The device's copy of `path` when recent, else the server's answer, stored. */
async function keep(path: string, options: PrefetchOptions): Promise<unknown> {
  const now = options.now ?? Date.now;
  const key = cacheKey(options.userId, path);
  const stored = await options.store.get(key).catch(() => undefined);
  if (stored && now() - stored.savedAt < (options.freshForMs ?? 10 * 60_000)) return stored.data;
  const data = await options.fetchJson(path, options.signal);
  await options.store.put({ key, data, savedAt: now() });
  return data;
}
