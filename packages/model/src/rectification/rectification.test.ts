import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { at } from '../../test/factories.js';
import { rectificationStatus, rectificationToJSON } from './to-json.js';
import { validateRectification } from './validate.js';
import { addReview, createRectification, setReply } from './write.js';

const INSPECTION = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';

describe('rectification document', () => {
  it('derives its status from replies and reviews', () => {
    const doc = new Y.Doc();
    createRectification(doc, { inspectionId: INSPECTION, projectId: 'p1', createdBy: 'u1' });
    expect(rectificationToJSON(doc).status).toBe('open');
    setReply(
      doc,
      { authorUserId: 'pd', authorName: '项目部', text: '已整改', photos: ['c'.repeat(64)] },
      { now: at('2026-03-16T00:00:00Z') },
    );
    expect(rectificationToJSON(doc).status).toBe('replied');
    addReview(
      doc,
      { reviewerUserId: 'u1', reviewerName: '李', verdict: 'rejected' },
      { now: at('2026-03-17T00:00:00Z') },
    );
    expect(rectificationToJSON(doc).status).toBe('rejected');
    setReply(
      doc,
      { authorUserId: 'pd', authorName: '项目部', text: '再次整改' },
      { now: at('2026-03-18T00:00:00Z') },
    );
    addReview(
      doc,
      { reviewerUserId: 'u1', reviewerName: '李', verdict: 'accepted' },
      { now: at('2026-03-19T00:00:00Z') },
    );
    const json = rectificationToJSON(doc);
    expect(json.status).toBe('accepted');
    expect(json.replies.map((r) => r.text)).toEqual(['已整改', '再次整改']);
    expect(validateRectification(doc)).toEqual([]);
  });

  it('replaces a review written again with the same id (a retried write) instead of adding a second one', () => {
    const doc = new Y.Doc();
    createRectification(doc, { inspectionId: INSPECTION, projectId: 'p1', createdBy: 'u1' });
    const review = {
      reviewId: INSPECTION,
      reviewerUserId: 'u1',
      reviewerName: '李',
      verdict: 'rejected',
    } as const;
    expect(addReview(doc, review)).toBe(INSPECTION);
    addReview(doc, { ...review, verdict: 'accepted', note: '复查合格' });
    expect(rectificationToJSON(doc).reviews).toMatchObject([{ verdict: 'accepted', note: '复查合格' }]);
    expect(() => addReview(doc, { ...review, reviewId: 'r1' })).toThrow(/reviewId/);
  });

  it('is open with no replies and reviews', () => {
    expect(rectificationStatus([], [])).toBe('open');
  });
});
