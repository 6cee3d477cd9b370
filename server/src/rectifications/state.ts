import { shanghaiDate } from '@anguan/standards';
import type { RectificationJSON } from '@anguan/model';

/** The states a rectification row holds (the model's statuses). */
export type RectificationState = RectificationJSON['status'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 逾期: the deadline (an Asia/Shanghai calendar day, inclusive) has passed without a passed review, i.e. from the
 * day after the deadline on. A passed rectification is never overdue, however late it passed.
 */
export function isOverdue(state: RectificationState, deadline: string, now: Date): boolean {
  return state !== 'passed' && shanghaiDate(now) > deadline;
}

/** Asia/Shanghai calendar days from `from` to `to` (0 when on the same day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  const day = (at: Date) => Date.parse(`${shanghaiDate(at)}T00:00:00Z`);
  return Math.round((day(to) - day(from)) / DAY_MS);
}

/**
 * The figures a rectification row takes from its document. The reply and review instants are the writers' own
 * clocks (shown as such); when a rectification closed is the server's to say (see `rows.ts`).
 */
export interface RectificationProgress {
  state: RectificationState;
  rounds: number;
  lastReplyAt: Date | null;
  lastReviewAt: Date | null;
}

/** Reads the progress figures of a rectification document's JSON. */
export function progressOf(json: RectificationJSON): RectificationProgress {
  return {
    state: json.status,
    rounds: json.rounds,
    lastReplyAt: latest(json.replies.map((r) => r.at)),
    lastReviewAt: latest(json.reviews.map((r) => r.at)),
  };
}

/** The latest of some ISO instants, or null. */
function latest(instants: string[]): Date | null {
  const ms = Math.max(...instants.map((iso) => Date.parse(iso)).filter((n) => !Number.isNaN(n)));
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** Sort rank for the project department's list: 逾期 first, then 已退回, 待整改, 已回复, 已通过. */
export function urgencyRank(state: RectificationState, overdue: boolean): number {
  if (overdue) return 0;
  return { returned: 1, pending: 2, replied: 3, passed: 4 }[state];
}
