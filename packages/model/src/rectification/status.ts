import type { RectificationStatus, ReviewVerdict } from './schema.js';

/** What the status derivation reads of a reply. */
export interface ReplyVersion {
  readonly replyId: string;
  /** When this version of the reply was written. */
  readonly at: string;
}

/** What the status derivation reads of a review. */
export interface ReviewOfReply {
  readonly reviewId: string;
  readonly replyId: string | null;
  readonly replyAt: string | null;
  readonly at: string;
  readonly verdict: ReviewVerdict;
}

/** The reply awaiting or holding the decision: the latest written (by `at`, then id, so every device agrees). */
export function currentReply<T extends ReplyVersion>(replies: readonly T[]): T | null {
  let latest: T | null = null;
  for (const reply of replies) {
    if (
      latest === null ||
      cmp(reply.at, latest.at) > 0 ||
      (reply.at === latest.at && reply.replyId > latest.replyId)
    ) {
      latest = reply;
    }
  }
  return latest;
}

/** The reviews that answer exactly this version of this reply, oldest first (by `at`, then id). */
export function reviewsOf<T extends ReviewOfReply>(reply: ReplyVersion, reviews: readonly T[]): T[] {
  return reviews
    .filter((review) => review.replyId === reply.replyId && review.replyAt === reply.at)
    .sort((a, b) => cmp(a.at, b.at) || cmp(a.reviewId, b.reviewId));
}

/**
 * Derives the status (see `schema.ts` for the rule): no reply → `pending`; the current reply with no review of its
 * current version → `replied`; else the latest such review decides (`accepted` → `passed`, `rejected` →
 * `returned`). Reviews of older replies, or of an older version of the current one, do not count.
 */
export function rectificationStatus(
  replies: readonly ReplyVersion[],
  reviews: readonly ReviewOfReply[],
): RectificationStatus {
  const reply = currentReply(replies);
  if (reply === null) return 'pending';
  const decision = reviewsOf(reply, reviews).at(-1);
  if (decision === undefined) return 'replied';
  return decision.verdict === 'accepted' ? 'passed' : 'returned';
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
