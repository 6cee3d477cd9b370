import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { at } from '../../test/factories.js';
import { migrateDoc } from '../migrate.js';
import { RECTIFICATION_MIGRATIONS } from './migrations.js';
import { RECTIFICATION_ROOTS } from './schema.js';
import { rectificationStatus } from './status.js';
import { rectificationToJSON } from './to-json.js';
import { validateRectification } from './validate.js';
import { addReview, createRectification, setReply } from './write.js';

const INSPECTION = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';
const PD = { authorUserId: 'pd', authorName: '项目部' };
const REVIEWER = { reviewerUserId: 'u1', reviewerName: '李' };

function newDoc(clientId?: number): Y.Doc {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  createRectification(doc, { inspectionId: INSPECTION, projectId: 'p1', createdBy: 'u1' });
  return doc;
}

const reply = (doc: Y.Doc, iso: string, text = '已整改', replyId?: string) =>
  setReply(doc, { ...PD, replyId, text }, { now: at(iso) });
const review = (doc: Y.Doc, replyId: string, verdict: 'accepted' | 'rejected', iso: string) =>
  addReview(doc, { ...REVIEWER, replyId, verdict }, { now: at(iso) });

describe('rectification document', () => {
  it('goes 待整改 → 已回复 → 已退回 → 已回复 → 已通过, one round per reply', () => {
    const doc = newDoc();
    expect(rectificationToJSON(doc)).toMatchObject({ status: 'pending', rounds: 0, currentReplyId: null });
    const first = reply(doc, '2026-03-16T00:00:00Z');
    expect(rectificationToJSON(doc)).toMatchObject({ status: 'replied', rounds: 1, currentReplyId: first });
    review(doc, first, 'rejected', '2026-03-17T00:00:00Z');
    expect(rectificationToJSON(doc).status).toBe('returned');
    const second = reply(doc, '2026-03-18T00:00:00Z', '再次整改');
    expect(rectificationToJSON(doc)).toMatchObject({ status: 'replied', rounds: 2, currentReplyId: second });
    review(doc, second, 'accepted', '2026-03-19T00:00:00Z');
    const json = rectificationToJSON(doc);
    expect(json.status).toBe('passed');
    expect(json.replies.map((r) => r.text)).toEqual(['已整改', '再次整改']);
    expect(json.reviews.map((r) => r.replyId)).toEqual([first, second]);
    expect(validateRectification(doc)).toEqual([]);
  });

  it('lets a review written with the same timestamp as a newer reply decide only the reply it saw', () => {
    const doc = newDoc();
    const first = reply(doc, '2026-03-16T00:00:00Z');
    reply(doc, '2026-03-17T00:00:00Z', '补充整改');
    review(doc, first, 'accepted', '2026-03-17T00:00:00Z');
    expect(rectificationToJSON(doc).status).toBe('replied');
  });

  it('never closes a reply that was rewritten after the review saw it', () => {
    const doc = newDoc();
    const only = reply(doc, '2026-03-16T00:00:00Z');
    review(doc, only, 'accepted', '2026-03-17T00:00:00Z');
    expect(rectificationToJSON(doc).status).toBe('passed');
    reply(doc, '2026-03-18T00:00:00Z', '已整改，补照片', only);
    expect(rectificationToJSON(doc).status).toBe('replied');
  });

  it('lets the latest review of the current reply decide', () => {
    const doc = newDoc();
    const only = reply(doc, '2026-03-16T00:00:00Z');
    review(doc, only, 'rejected', '2026-03-17T00:00:00Z');
    review(doc, only, 'accepted', '2026-03-17T01:00:00Z');
    expect(rectificationToJSON(doc).status).toBe('passed');
  });

  it('refuses a review of a reply the document does not hold', () => {
    expect(() => review(newDoc(), 'r-unknown', 'accepted', '2026-03-17T00:00:00Z')).toThrow(/replyId/);
  });

  it('replaces a review written again with the same id (a retried write) instead of adding a second one', () => {
    const doc = newDoc();
    const replyId = reply(doc, '2026-03-16T00:00:00Z');
    const retried = { reviewId: INSPECTION, replyId, ...REVIEWER, verdict: 'rejected' } as const;
    expect(addReview(doc, retried)).toBe(INSPECTION);
    addReview(doc, { ...retried, verdict: 'accepted', note: '复查合格' });
    expect(rectificationToJSON(doc).reviews).toMatchObject([{ verdict: 'accepted', note: '复查合格' }]);
    expect(() => addReview(doc, { ...retried, reviewId: 'r1' })).toThrow(/reviewId/);
  });

  it('is pending with no replies, whatever reviews say', () => {
    const review = { reviewId: 'x', replyId: null, replyAt: null, at: 'z', verdict: 'accepted' } as const;
    expect(rectificationStatus([], [review])).toBe('pending');
  });
});

describe('migration 0002 (reviews name their reply)', () => {
  it('attaches each legacy review to the latest reply written at or before it, ties included', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      doc.getMap('meta').set('schemaVersion', 1);
      doc.getMap('meta').set('inspectionId', INSPECTION);
      const replies = doc.getMap(RECTIFICATION_ROOTS.replies);
      replies.set('r1', { ...PD, at: '2026-03-16T00:00:00.000Z', text: '已整改', photos: [] });
      replies.set('r2', { ...PD, at: '2026-03-18T00:00:00.000Z', text: '再次整改', photos: [] });
      const reviews = doc.getMap(RECTIFICATION_ROOTS.reviews);
      const legacy = (iso: string, verdict: string) => ({ ...REVIEWER, at: iso, verdict, note: '' });
      reviews.set('v0', legacy('2026-03-15T00:00:00.000Z', 'rejected'));
      reviews.set('v1', legacy('2026-03-17T00:00:00.000Z', 'rejected'));
      reviews.set('v2', legacy('2026-03-18T00:00:00.000Z', 'accepted'));
    });
    expect(migrateDoc(doc, RECTIFICATION_MIGRATIONS)).toEqual(['0002-reviews-name-their-reply']);
    const json = rectificationToJSON(doc);
    expect(json.reviews.map((r) => [r.reviewId, r.replyId])).toEqual([
      ['v0', null],
      ['v1', 'r1'],
      ['v2', 'r2'],
    ]);
    expect(json.status).toBe('passed'); // as the old rule had it: the review at the reply's instant decided
    expect(validateRectification(doc)).toEqual([]);
  });
});
