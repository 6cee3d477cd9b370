/**
 * The rectification document (`rectification:<inspection uuid>`): the project department's replies (整改回复) to an
 * inspection's rectification request and the inspecting side's reviews (复查). The request itself (requirement,
 * deadline, rectifier) stays in the sealed inspection.
 *
 * | root | type | key | value |
 * |---|---|---|---|
 * | `meta` | Y.Map | {@link RECTIFICATION_META_KEYS} | schema version, inspection and project ids |
 * | `replies` | Y.Map | reply id (UUID) | {@link Reply} |
 * | `reviews` | Y.Map | review id (UUID) | {@link Review} |
 *
 * Replies and reviews are each written by one person under a fresh UUID, so concurrent work never shares a key.
 * The status is derived from them (never stored), so it cannot conflict.
 */

export const RECTIFICATION_ROOTS = Object.freeze({
  meta: 'meta',
  replies: 'replies',
  reviews: 'reviews',
} as const);

export const RECTIFICATION_META_KEYS = Object.freeze({
  schemaVersion: 'schemaVersion',
  inspectionId: 'inspectionId',
  projectId: 'projectId',
  createdAt: 'createdAt',
  createdBy: 'createdBy',
} as const);

export interface Reply {
  readonly authorUserId: string;
  readonly authorName: string;
  /** ISO 8601 instant. */
  readonly at: string;
  readonly text: string;
  /** Blob hashes of photos of the rectified condition. */
  readonly photos: readonly string[];
}

export const REVIEW_VERDICTS = ['accepted', 'rejected'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface Review {
  readonly reviewerUserId: string;
  readonly reviewerName: string;
  readonly at: string;
  readonly verdict: ReviewVerdict;
  readonly note: string;
}

/** `open` (no reply), `replied` (awaiting review), `rejected` (reply again), `accepted` (closed). */
export const RECTIFICATION_STATUSES = ['open', 'replied', 'rejected', 'accepted'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_LIMITS = Object.freeze({ maxTextLength: 5000, maxPhotos: 50 });
