import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReview, createRectification, rectificationToJSON, setReply } from '@anguan/model';
import { calendarDaysBetween, isOverdue, progressOf, urgencyRank } from './state.js';

const at = (iso: string) => ({ now: () => new Date(iso) });

describe('rectification state on the server', () => {
  it('is overdue from the Asia/Shanghai day after the deadline, never when passed', () => {
    // 2026-03-22T15:59:59Z is 23:59:59 on 03-22 in Shanghai; one second later it is 03-23.
    expect(isOverdue('pending', '2026-03-22', new Date('2026-03-22T15:59:59Z'))).toBe(false);
    expect(isOverdue('pending', '2026-03-22', new Date('2026-03-22T16:00:00Z'))).toBe(true);
    expect(isOverdue('returned', '2026-03-22', new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(isOverdue('replied', '2026-03-22', new Date('2026-04-01T00:00:00Z'))).toBe(true);
    expect(isOverdue('passed', '2026-03-22', new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it('counts calendar days in Asia/Shanghai, not 24-hour periods', () => {
    expect(calendarDaysBetween(new Date('2026-03-15T15:00:00Z'), new Date('2026-03-15T17:00:00Z'))).toBe(1);
    expect(calendarDaysBetween(new Date('2026-03-15T00:00:00Z'), new Date('2026-03-15T15:00:00Z'))).toBe(0);
    expect(calendarDaysBetween(new Date('2026-03-15T02:00:00Z'), new Date('2026-03-25T02:00:00Z'))).toBe(10);
  });

  it('takes rounds and last activity from the document', () => {
    const doc = new Y.Doc();
    createRectification(doc, { inspectionId: crypto.randomUUID(), projectId: 'p1', createdBy: 'u1' });
    const first = setReply(
      doc,
      { authorUserId: 'pd', authorName: '项目部', text: '已整改' },
      at('2026-03-16T01:00:00Z'),
    );
    addReview(
      doc,
      { replyId: first, reviewerUserId: 'u1', reviewerName: '李', verdict: 'rejected' },
      at('2026-03-17T01:00:00Z'),
    );
    expect(progressOf(rectificationToJSON(doc))).toEqual({
      state: 'returned',
      rounds: 1,
      lastReplyAt: new Date('2026-03-16T01:00:00Z'),
      lastReviewAt: new Date('2026-03-17T01:00:00Z'),
    });
    const second = setReply(
      doc,
      { authorUserId: 'pd', authorName: '项目部', text: '再次整改' },
      at('2026-03-18T01:00:00Z'),
    );
    addReview(
      doc,
      { replyId: second, reviewerUserId: 'u1', reviewerName: '李', verdict: 'accepted' },
      at('2026-03-19T01:00:00Z'),
    );
    expect(progressOf(rectificationToJSON(doc))).toMatchObject({
      state: 'passed',
      rounds: 2,
      lastReviewAt: new Date('2026-03-19T01:00:00Z'),
    });
  });

  it('ranks overdue, then returned, pending, replied and passed', () => {
    const ranks = [
      urgencyRank('passed', false),
      urgencyRank('replied', false),
      urgencyRank('pending', false),
      urgencyRank('returned', false),
      urgencyRank('replied', true),
    ];
    expect(ranks).toEqual([4, 3, 2, 1, 0]);
  });
});
