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
 *
 * The rule (issue 9): **a review answers the reply it saw.** Each review names the reply (`replyId`) and the
 * version of it (`replyAt`, the reply's `at` when the reviewer read it). The current reply is the latest written
 * one (by `at`, then id); only reviews of that reply's current version decide the status, the latest of them
 * winning. So a review never closes a reply written (or rewritten) after the one it saw, whatever the clocks say:
 * a reply and a review with the same timestamp no longer race.
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
  /** The whole-sheet answer ('' when the reply answers finding by finding only). */
  readonly text: string;
  /** Blob hashes of photos of the rectified condition (whole sheet). */
  readonly photos: readonly string[];
  /**
   * Answers to single findings, keyed by the finding's stable key (`findingKey`: `term:<termId>`,
   * `deduction:<sheetId>/<itemId>/<ruleId>`). Absent in replies written before per-finding answers (issue 9).
   * Part of the reply's one value, so a reply and its parts are one version: a review of it saw them all.
   */
  readonly findingReplies?: Readonly<Record<string, FindingReply>>;
}

/** The project department's answer to one finding: text and/or photos. */
export interface FindingReply {
  readonly text: string;
  readonly photos: readonly string[];
}

export const REVIEW_VERDICTS = ['accepted', 'rejected'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export interface Review {
  /** The reply this review answers; null only for a legacy review that answered no reply. */
  readonly replyId: string | null;
  /** The `at` of the reply's version the reviewer saw. */
  readonly replyAt: string | null;
  readonly reviewerUserId: string;
  readonly reviewerName: string;
  readonly at: string;
  readonly verdict: ReviewVerdict;
  readonly note: string;
}

/**
 * 待整改 `pending` (no reply yet), 已回复 `replied` (awaiting review), 已退回 `returned` (reply again), 已通过 `passed`
 * (closed). The same words as the API (DESIGN.md "Interfaces that stay stable").
 */
export const RECTIFICATION_STATUSES = ['pending', 'replied', 'passed', 'returned'] as const;
export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, string>> = {
  pending: '待整改',
  replied: '已回复',
  passed: '已通过',
  returned: '已退回',
};
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/**
 * Limits of one reply. `maxTextLength`/`maxPhotos` hold for the whole-sheet part and for each finding's part;
 * the totals bound the reply as a whole (whole sheet and every finding), so one reply stays a small value.
 */
export const RECTIFICATION_LIMITS = Object.freeze({
  maxTextLength: 5000,
  maxPhotos: 50,
  maxFindingPhotos: 20,
  maxFindingReplies: 500,
  maxTotalTextLength: 100_000,
  maxTotalPhotos: 200,
});
