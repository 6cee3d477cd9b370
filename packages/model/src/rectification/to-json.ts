import { readRoot } from '../text.js';
import type * as Y from 'yjs';
import { isRecord, str, type IssueSink } from '../issues.js';
import { schemaVersionOf } from '../migrate.js';
import { isSha256Hex } from '../values.js';
import {
  RECTIFICATION_META_KEYS,
  RECTIFICATION_ROOTS,
  REVIEW_VERDICTS,
  type RectificationStatus,
  type FindingReply,
  type Reply,
  type Review,
  type ReviewVerdict,
} from './schema.js';
import { currentReply, rectificationStatus } from './status.js';
import { readFindingReplies, replyPhotos } from './finding-replies.js';

/** A reply as the JSON gives it: per-finding parts always present ({} for a whole-sheet-only reply). */
export type ReplyJSON = Reply & {
  readonly replyId: string;
  readonly findingReplies: Readonly<Record<string, FindingReply>>;
};

export interface RectificationJSON {
  readonly kind: 'rectification';
  readonly schemaVersion: number;
  readonly inspectionId: string | null;
  readonly projectId: string | null;
  /** Oldest first. */
  readonly replies: readonly ReplyJSON[];
  /** Oldest first. */
  readonly reviews: ReadonlyArray<Review & { reviewId: string }>;
  readonly status: RectificationStatus;
  /** The reply the status is about (the latest written), or null before the first reply. */
  readonly currentReplyId: string | null;
  /** Rectification rounds so far: one per reply (整改回复) submitted. */
  readonly rounds: number;
}

/** Converts a rectification document to JSON (malformed entries skipped, reported to `issues`). */
export function rectificationToJSON(doc: Y.Doc, issues?: IssueSink): RectificationJSON {
  const meta = readRoot(doc, RECTIFICATION_ROOTS.meta);
  const replies: ReplyJSON[] = [];
  readRoot(doc, RECTIFICATION_ROOTS.replies).forEach((value, replyId) => {
    const photos = isRecord(value) && Array.isArray(value.photos) ? value.photos.filter(isSha256Hex) : null;
    const text = isRecord(value) ? str(value, 'text') : null;
    if (!isRecord(value) || photos === null || text === null) {
      issues?.add(`replies.${replyId}`, 'malformed_entry', '整改回复记录无效');
      return;
    }
    const [authorUserId, authorName, at] = [
      str(value, 'authorUserId'),
      str(value, 'authorName'),
      str(value, 'at'),
    ];
    replies.push({
      replyId,
      authorUserId: authorUserId ?? '',
      authorName: authorName ?? '',
      at: at ?? '',
      text,
      photos,
      findingReplies: readFindingReplies(value, `replies.${replyId}`, issues),
    });
  });
  const reviews: Array<Review & { reviewId: string }> = [];
  readRoot(doc, RECTIFICATION_ROOTS.reviews).forEach((value, reviewId) => {
    if (!isRecord(value) || !REVIEW_VERDICTS.includes(value.verdict as never)) {
      issues?.add(`reviews.${reviewId}`, 'malformed_entry', '复查记录无效');
      return;
    }
    reviews.push({
      reviewId,
      replyId: str(value, 'replyId'),
      replyAt: str(value, 'replyAt'),
      reviewerUserId: str(value, 'reviewerUserId') ?? '',
      reviewerName: str(value, 'reviewerName') ?? '',
      at: str(value, 'at') ?? '',
      verdict: value.verdict as ReviewVerdict,
      note: str(value, 'note') ?? '',
    });
  });
  replies.sort((a, b) => cmp(a.at, b.at) || cmp(a.replyId, b.replyId));
  reviews.sort((a, b) => cmp(a.at, b.at) || cmp(a.reviewId, b.reviewId));
  const inspectionId = meta.get(RECTIFICATION_META_KEYS.inspectionId);
  const projectId = meta.get(RECTIFICATION_META_KEYS.projectId);
  return {
    kind: 'rectification',
    schemaVersion: schemaVersionOf(doc),
    inspectionId: typeof inspectionId === 'string' ? inspectionId : null,
    projectId: typeof projectId === 'string' ? projectId : null,
    replies,
    reviews,
    status: rectificationStatus(replies, reviews),
    currentReplyId: currentReply(replies)?.replyId ?? null,
    rounds: replies.length,
  };
}

/** Blob hashes referenced by the replies (whole-sheet and per-finding photos: readers may fetch both). */
export function rectificationBlobRefs(json: RectificationJSON): string[] {
  return [...new Set(json.replies.flatMap(replyPhotos))].sort();
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
