import type * as Y from 'yjs';
import { isRecord, str } from '../issues.js';
import { isSha256Hex, isUuid, newId } from '../values.js';
import { check, requireText, transact, type WriteOptions } from '../write-options.js';
import { replyProblems } from './finding-replies.js';
import { RECTIFICATION_MIGRATIONS } from './migrations.js';
import {
  RECTIFICATION_LIMITS,
  RECTIFICATION_META_KEYS,
  RECTIFICATION_ROOTS,
  REVIEW_VERDICTS,
  type FindingReply,
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

/** What a reply's author writes for one finding. */
export interface FindingReplyInput {
  readonly text?: string;
  readonly photos?: readonly string[];
}

/**
 * Adds or edits (same `replyId`) a reply of the project department; returns the reply id. The reply answers the
 * whole sheet (`text`, `photos`) and/or single findings (`findingReplies`, keyed by `findingKey`). Answering a
 * finding needs `findingKeys`, the inspection's (`inspectionFindingKeys`): a key outside it is refused. A finding
 * part with neither text nor photos is left out (no answer of its own), and the whole-sheet text may then be empty
 * only when some finding is answered. An edit replaces the reply whole (one version, see `schema.ts`).
 */
export function setReply(
  doc: Y.Doc,
  reply: {
    replyId?: string;
    authorUserId: string;
    authorName: string;
    text: string;
    photos?: readonly string[];
    findingReplies?: Readonly<Record<string, FindingReplyInput>>;
    findingKeys?: readonly string[];
  },
  options: WriteOptions = {},
): string {
  check(typeof reply.text === 'string', 'text', 'must be a string');
  const findingReplies = normalizeParts(reply.findingReplies ?? {});
  check(
    Object.keys(findingReplies).length === 0 || reply.findingKeys !== undefined,
    'findingKeys',
    "required to answer single findings (the inspection's finding keys)",
  );
  const photos = [...new Set(reply.photos ?? [])];
  check(photos.every(isSha256Hex), 'photos', 'invalid photo hashes');
  const text = reply.text.trim();
  const keys = reply.findingKeys ? new Set(reply.findingKeys) : undefined;
  const [problem] = replyProblems({ text, photos, findingReplies }, keys);
  check(problem === undefined, problem?.field ?? '', problem?.message ?? '');
  const replyId = reply.replyId ?? newId();
  transact(doc, options, (at) => {
    const base = { authorUserId: reply.authorUserId, authorName: reply.authorName, at, text, photos };
    // A whole-sheet-only reply keeps the shape older readers know.
    const value: Reply = Object.keys(findingReplies).length === 0 ? base : { ...base, findingReplies };
    doc.getMap(RECTIFICATION_ROOTS.replies).set(replyId, value);
  });
  return replyId;
}

/** Trimmed parts with their photos deduplicated; empty parts dropped. */
function normalizeParts(parts: Readonly<Record<string, FindingReplyInput>>): Record<string, FindingReply> {
  const normalized: Record<string, FindingReply> = {};
  for (const key of Object.keys(parts).sort()) {
    const part = parts[key]!;
    check(
      part.text === undefined || typeof part.text === 'string',
      `findingReplies.${key}`,
      'text must be a string',
    );
    const text = (part.text ?? '').trim();
    const photos = [...new Set(part.photos ?? [])];
    check(photos.every(isSha256Hex), `findingReplies.${key}`, 'invalid photo hashes');
    if (text !== '' || photos.length > 0) normalized[key] = { text, photos };
  }
  return normalized;
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
