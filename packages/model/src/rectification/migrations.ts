import type * as Y from 'yjs';
import { isRecord, str } from '../issues.js';
import type { Migration } from '../migrate.js';
import { RECTIFICATION_ROOTS } from './schema.js';

/**
 * 0002: reviews name the reply they answer (issue 9). A review written before this carries no `replyId`; it gets
 * the latest reply written at or before it (the reply the old rule let it decide, ties included), or stays
 * unattached when there was none. Deterministic, so two offline peers running it write the same values.
 */
function attachLegacyReviews(doc: Y.Doc): void {
  const replies: Array<{ replyId: string; at: string }> = [];
  doc.getMap(RECTIFICATION_ROOTS.replies).forEach((value, replyId) => {
    const at = isRecord(value) ? str(value, 'at') : null;
    if (at !== null) replies.push({ replyId, at });
  });
  replies.sort((a, b) => (a.at === b.at ? (a.replyId < b.replyId ? -1 : 1) : a.at < b.at ? -1 : 1));
  const reviews = doc.getMap(RECTIFICATION_ROOTS.reviews);
  for (const [reviewId, value] of [...reviews.entries()]) {
    if (!isRecord(value) || 'replyId' in value) continue;
    const reviewAt = str(value, 'at') ?? '';
    const seen = replies.filter((reply) => reply.at <= reviewAt).at(-1);
    reviews.set(reviewId, { ...value, replyId: seen?.replyId ?? null, replyAt: seen?.at ?? null });
  }
}

/** Ordered migrations of the rectification document; never edit a shipped entry. */
export const RECTIFICATION_MIGRATIONS: readonly Migration[] = Object.freeze([
  { name: '0001-initial', up: () => {} },
  { name: '0002-reviews-name-their-reply', up: attachLegacyReviews },
]);
export const RECTIFICATION_SCHEMA_VERSION = RECTIFICATION_MIGRATIONS.length;
