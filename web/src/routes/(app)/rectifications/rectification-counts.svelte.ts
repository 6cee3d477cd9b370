/**
 * The count beside 整改回复 / 整改跟踪 in the navigation: what waits for the signed-in side (the project
 * department's 待整改 + 已退回, the inspecting side's 已回复 to review), read from `GET /api/rectifications` through
 * the device cache so it shows offline too. Pages that change a rectification call {@link RectificationCounts.refresh}.
 *
 * @module
 */
import type { Role } from '$lib/api';
import { request } from '$lib/api';
import {
  listPath,
  type RectificationCounts as Counts,
  type RectificationList,
} from '$lib/api/rectifications';
import { cacheKey, cachedGet } from '$lib/cache/api-cache';
import { answerStore } from '$lib/cache/idb-answer-store';
import { authManager } from '$lib/managers/auth-manager.svelte';

/** The number a role acts on. */
export function waitingFor(role: Role, counts: Counts): number {
  return role === 'project' ? counts.toReply : counts.toReview;
}

class RectificationCounts {
  counts = $state<Counts | null>(null);
  #generation = 0;
  #userId: string | null = null;

  /** Re-reads the counts; failures keep the last ones (the badge is a hint, the list page reports errors). */
  async refresh(): Promise<void> {
    const generation = ++this.#generation;
    const userId = authManager.user?.id;
    if (!userId) return;
    // Another account signed in on this device: never show the previous one's counts meanwhile.
    if (userId !== this.#userId) {
      this.#userId = userId;
      this.counts = null;
    }
    try {
      const path = listPath();
      const { data } = await cachedGet(answerStore, cacheKey(userId, path), () =>
        request<RectificationList>('GET', path),
      );
      if (generation === this.#generation) this.counts = data.counts;
    } catch (error) {
      console.warn('[anguan] rectification counts', error);
    }
  }

  /** Takes counts a page already loaded (the list page reads the same answer). */
  show(counts: Counts): void {
    this.#generation++;
    this.counts = counts;
  }
}

export const rectificationCounts = new RectificationCounts();
