/**
 * The last answer this device saw for each API read, kept in IndexedDB keyed by user + URL, so list and overview
 * pages open with no network (DESIGN "offline": nothing shows an error for what the device already has).
 *
 * @module
 */
import { ApiError } from '$lib/api';

/** One stored answer. */
export interface CachedAnswer<T = unknown> {
  /** {@link cacheKey} of the user and the URL. */
  key: string;
  data: T;
  /** ms since epoch when the server gave this answer. */
  savedAt: number;
}

/** Where answers are kept: IndexedDB in the app, a Map in unit tests. */
export interface AnswerStore {
  get(key: string): Promise<CachedAnswer | undefined>;
  put(answer: CachedAnswer): Promise<void>;
}

/** What {@link cachedGet} returns. */
export interface CachedResult<T> {
  data: T;
  savedAt: number;
  /** True when the network failed and `data` is the device's earlier copy. */
  fromCache: boolean;
}

/** One user's answer to one URL; another user on the same phone never sees it. */
export const cacheKey = (userId: string, path: string): string => `${userId} ${path}`;

/**
 * Asks the server through `fetcher`; stores the answer; when the network (not the server) fails, returns the
 * stored answer instead. Server errors (403, 404, 500) and a network failure with nothing stored are rethrown.
 */
export async function cachedGet<T>(
  store: AnswerStore,
  key: string,
  fetcher: () => Promise<T>,
  now: () => number = Date.now,
): Promise<CachedResult<T>> {
  try {
    const data = await fetcher();
    const savedAt = now();
    // A full disk must not turn a good answer into an error.
    await store.put({ key, data, savedAt }).catch(() => undefined);
    return { data, savedAt, fromCache: false };
  } catch (error) {
    if (!(error instanceof ApiError && error.isNetwork)) throw error;
    const stored = await store.get(key).catch(() => undefined);
    if (!stored) throw error;
    return { data: stored.data as T, savedAt: stored.savedAt, fromCache: true };
  }
}

/** An {@link AnswerStore} in memory (tests, and the fallback when IndexedDB is unavailable). */
export class MemoryAnswerStore implements AnswerStore {
  private readonly answers = new Map<string, CachedAnswer>();

  get(key: string): Promise<CachedAnswer | undefined> {
    return Promise.resolve(this.answers.get(key));
  }

  put(answer: CachedAnswer): Promise<void> {
    this.answers.set(answer.key, answer);
    return Promise.resolve();
  }
}
