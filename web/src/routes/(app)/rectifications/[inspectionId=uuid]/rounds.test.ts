import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addReview, rectificationToJSON, setReply } from '@anguan/model';
import { roundsOf } from './rounds';

const clockAt = (iso: string) => ({ now: () => new Date(iso) });

describe('roundsOf', () => {
  it('lists each reply as a round with the reviews that answered it, the latest reply current', () => {
    const doc = new Y.Doc();
    const first = setReply(
      doc,
      { authorUserId: 'p', authorName: '项目部', text: '已整改', photos: [] },
      clockAt('2026-03-16T02:00:00Z'),
    );
    addReview(
      doc,
      { replyId: first, reviewerUserId: 'd', reviewerName: '总监', verdict: 'rejected', note: '照片不清' },
      clockAt('2026-03-16T03:00:00Z'),
    );
    const second = setReply(
      doc,
      { authorUserId: 'p', authorName: '项目部', text: '重新整改', photos: [] },
      clockAt('2026-03-17T02:00:00Z'),
    );
    const rounds = roundsOf(rectificationToJSON(doc));
    expect(rounds.map((r) => [r.number, r.reply.replyId, r.current, r.reviews.map((v) => v.note)])).toEqual([
      [1, first, false, ['照片不清']],
      [2, second, true, []],
    ]);
  });

  it('has no rounds before the first reply', () => {
    expect(roundsOf(rectificationToJSON(new Y.Doc()))).toEqual([]);
  });
});
