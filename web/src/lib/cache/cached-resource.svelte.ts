/**
 * A page's view of one cached API read (rune class over {@link cachedGet}): what the device has is shown at once,
 * the server's answer replaces it when it comes, and a failed network leaves the device's copy on screen with its
 * age instead of an error.
 *
 * @module
 */
import { untrack } from 'svelte';
import { request } from '$lib/api';
import { authManager } from '$lib/managers/auth-manager.svelte';
import { handleError } from '$lib/utils/handle-error';
import { cacheKey, cachedGet } from './api-cache';
import { answerStore } from './idb-answer-store';

/** `loading` until the first answer (device or server); `error` only when there is nothing to show. */
export type ResourcePhase = 'loading' | 'ready' | 'error';

export class CachedResource<T> {
  data = $state<T | null>(null);
  /** When the shown data came from the server (ms since epoch). */
  savedAt = $state<number | null>(null);
  /** True while the shown data is the device's copy because the network failed. */
  stale = $state(false);
  phase = $state<ResourcePhase>('loading');
  /** zh-CN message when `phase` is `error`. */
  error = $state<string | null>(null);
  /** True when the error is the network's (nothing stored for this view yet). */
  offlineError = $state(false);

  #generation = 0;
  /** Cache key of the data on screen. */
  #shownKey: string | null = null;

  /**
   * @param failureMessage - zh-CN, e.g. `'加载项目列表失败'`.
   * @param options.quietOffline - A network failure with nothing stored is not announced (no toast): the page
   *   says calmly that the device has no copy yet (an overview's sections, one of many things on the page).
   */
  constructor(
    private readonly failureMessage: string,
    private readonly options: { quietOffline?: boolean } = {},
  ) {}

  /** Loads `path` (`/projects?page=2`, without `/api`); a later call supersedes an earlier one still running. */
  async load(path: string): Promise<void> {
    const generation = ++this.#generation;
    // Pages call this from an effect: reading our own state here must not make the effect re-run on its changes.
    const userId = untrack(() => authManager.user?.id) ?? 'anonymous';
    const key = cacheKey(userId, path);
    untrack(() => {
      if (this.phase !== 'ready') this.phase = 'loading';
    });
    // Show what the device has right away; the server's answer follows (not "offline" yet: we do not know).
    const stored = await answerStore.get(key).catch(() => undefined);
    if (stored && generation === this.#generation && this.#shownKey !== key) {
      this.#show(stored.data as T, stored.savedAt, false, key);
    }
    try {
      const result = await cachedGet(answerStore, key, () => request<T>('GET', path));
      if (generation !== this.#generation) return;
      this.#show(result.data, result.savedAt, result.fromCache, key);
    } catch (error) {
      if (generation !== this.#generation) return;
      const offline = error instanceof Error && 'isNetwork' in error && error.isNetwork === true;
      const message =
        offline && this.options.quietOffline ? this.failureMessage : handleError(error, this.failureMessage);
      if (message === undefined) return;
      this.data = null;
      this.#shownKey = null;
      this.error = message;
      this.offlineError = offline;
      this.phase = 'error';
    }
  }

  #show(data: T, savedAt: number, stale: boolean, key: string): void {
    this.#shownKey = key;
    this.data = data;
    this.savedAt = savedAt;
    this.stale = stale;
    this.error = null;
    this.phase = 'ready';
  }
}
