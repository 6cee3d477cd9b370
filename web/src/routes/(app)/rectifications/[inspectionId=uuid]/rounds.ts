import type { RectificationJSON } from '@anguan/model';

type ReplyEntry = RectificationJSON['replies'][number];
type ReviewEntry = RectificationJSON['reviews'][number];

/** One round of the loop: a 整改回复 and the reviews (复查) that answered it, oldest first. */
export interface Round {
  /** 1-based. */
  number: number;
  reply: ReplyEntry;
  reviews: ReviewEntry[];
  /** The reply the state is about (the latest written). */
  current: boolean;
}

/**
 * The history of rounds, oldest first: each reply with the reviews naming it (any version of it, so the history
 * keeps a review of an edited reply too). Reviews naming no reply (legacy) are left out.
 */
export function roundsOf(json: RectificationJSON): Round[] {
  return json.replies.map((reply, index) => ({
    number: index + 1,
    reply,
    reviews: json.reviews.filter((review) => review.replyId === reply.replyId),
    current: reply.replyId === json.currentReplyId,
  }));
}
