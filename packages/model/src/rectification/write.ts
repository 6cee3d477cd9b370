import type * as Y from 'yjs';
import { isRecord, str } from '../issues.js';
import { isSha256Hex, isUuid, newId } from '../values.js';
import { check, requireText, transact, type WriteOptions } from '../write-options.js';
import { RECTIFICATION_MIGRATIONS } from './migrations.js';
import {
  RECTIFICATION_LIMITS,
  RECTIFICATION_META_KEYS,
  RECTIFICATION_ROOTS,
  REVIEW_VERDICTS,
  type Reply,
  type Review,
  type ReviewVerdict,
} from './schema.js';

/** Fills the metadata of a new rectification document. */
export function createRectification(
  doc: Y.Doc,
  init: { inspectionId: string; projectId: string; createdBy: string },
  options: WriteOptions = {},
): void {
  check(isUuid(init.inspectionId), 'inspectionId', 'must be a UUID');
  const projectId = requireText(init.projectId, 'projectId', 100);
  transact(doc, options, (at) => {
    const meta = doc.getMap(RECTIFICATION_ROOTS.meta);
    meta.set(RECTIFICATION_META_KEYS.schemaVersion, RECTIFICATION_MIGRATIONS.length);
    meta.set(RECTIFICATION_META_KEYS.inspectionId, init.inspectionId.toLowerCase());
    meta.set(RECTIFICATION_META_KEYS.projectId, projectId);
    meta.set(RECTIFICATION_META_KEYS.createdAt, at);
    meta.set(RECTIFICATION_META_KEYS.createdBy, init.createdBy);
  });
}

/** Adds or edits (same `replyId`) a reply of the project department; returns the reply id. */
export function setReply(
  doc: Y.Doc,
  reply: {
    replyId?: string;
    authorUserId: string;
    authorName: string;
    text: string;
    photos?: readonly string[];
  },
  options: WriteOptions = {},
): string {
  const text = requireText(reply.text, 'text', RECTIFICATION_LIMITS.maxTextLength);
  const photos = [...new Set(reply.photos ?? [])];
  check(
    photos.length <= RECTIFICATION_LIMITS.maxPhotos && photos.every(isSha256Hex),
    'photos',
    'invalid photo hashes',
  );
  const replyId = reply.replyId ?? newId();
  transact(doc, options, (at) => {
    const value: Reply = { authorUserId: reply.authorUserId, authorName: reply.authorName, at, text, photos };
    doc.getMap(RECTIFICATION_ROOTS.replies).set(replyId, value);
  });
  return replyId;
}

/**
 * Records a review (复查) of one reply; returns the review id. The review answers `replyId` as it stands in `doc`
 * now (its current version), so the caller reviews what it has shown the reviewer. A caller that may repeat the
 * write (a retry after a crash) passes its own `reviewId`, so the repeat replaces the review instead of adding a
 * second one.
 */
export function addReview(
  doc: Y.Doc,
  review: {
    reviewId?: string;
    replyId: string;
    reviewerUserId: string;
    reviewerName: string;
    verdict: ReviewVerdict;
    note?: string;
  },
  options: WriteOptions = {},
): string {
  check(REVIEW_VERDICTS.includes(review.verdict), 'verdict', 'unknown verdict');
  const note = review.note ?? '';
  check(note.length <= RECTIFICATION_LIMITS.maxTextLength, 'note', 'too long');
  check(review.reviewId === undefined || isUuid(review.reviewId), 'reviewId', 'must be a UUID');
  const reply: unknown = doc.getMap(RECTIFICATION_ROOTS.replies).get(review.replyId);
  const replyAt = isRecord(reply) ? str(reply, 'at') : null;
  check(replyAt !== null, 'replyId', 'no such reply');
  const reviewId = review.reviewId ?? newId();
  transact(doc, options, (at) => {
    const value: Review = {
      replyId: review.replyId,
      replyAt,
      reviewerUserId: review.reviewerUserId,
      reviewerName: review.reviewerName,
      verdict: review.verdict,
      note,
      at,
    };
    doc.getMap(RECTIFICATION_ROOTS.reviews).set(reviewId, value);
  });
  return reviewId;
}
