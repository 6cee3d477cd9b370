import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rectificationToJSON } from '../src/rectification/to-json.js';
import { validateRectification } from '../src/rectification/validate.js';
import { addReview, setReply } from '../src/rectification/write.js';
import { at, editText, rectificationDoc } from './factories.js';
import { RandomSource } from './random.js';
import { convergenceSeeds, runScenario, type ConvergenceScenario } from './network.js';

/**
 * Seeded-random convergence of rectification documents (the network and the rules are in `network.ts`): the
 * project department replies and edits its replies while inspectors review, all from devices that drop offline.
 * A failure names its seed; replay it with MODEL_SEED=<seed>.
 */

const AUTHORS = [
  { authorUserId: 'u-pd-1', authorName: '项目部' },
  { authorUserId: 'u-pd-2', authorName: '安全员' },
];
const REVIEWERS = [
  { reviewerUserId: 'u-insp-1', reviewerName: '李' },
  { reviewerUserId: 'u-insp-2', reviewerName: '王' },
];
const TEXTS = ['已整改', '已更换防护栏杆', '已补齐交底记录'];
const NOTES = ['', '复查合格', '照片不清'];

function randomEdit(doc: Y.Doc, r: RandomSource, step: number): void {
  // A coarse clock (one tick per 4 steps) so replies and reviews often share `at` and the tie-breaks are exercised.
  const options = { now: at(new Date(Date.UTC(2026, 2, 16, 2, 0, Math.floor(step / 4))).toISOString()) };
  const replies = rectificationToJSON(doc).replies;
  const reply = replies.length > 0 ? r.pick(replies) : null;
  // New replies are rarer than edits, so the same reply is often edited on two devices at once.
  const edits: Array<() => void> = [
    () =>
      r.chance(0.3) &&
      setReply(
        doc,
        { replyId: r.uuid(), ...r.pick(AUTHORS), text: r.pick(TEXTS), photos: randomPhotos(r) },
        options,
      ),
    () =>
      reply &&
      setReply(
        doc,
        {
          replyId: reply.replyId,
          authorUserId: reply.authorUserId,
          authorName: reply.authorName,
          text: editText(reply.text, r) || r.pick(TEXTS), // the writer refuses an empty reply
          photos: r.chance(0.5) ? randomPhotos(r) : reply.photos,
        },
        options,
      ),
    // Review ids from the seed keep a replayed run identical, down to the order of reviews that share a
    // timestamp (ties sort by id).
    // A reviewer answers the reply it sees: usually the current one, sometimes an older one (a stale screen).
    () =>
      reply &&
      r.chance(0.5) &&
      addReview(
        doc,
        {
          reviewId: r.uuid(),
          replyId: r.chance(0.7) ? (rectificationToJSON(doc).currentReplyId ?? reply.replyId) : reply.replyId,
          ...r.pick(REVIEWERS),
          verdict: r.chance(0.6) ? 'rejected' : 'accepted',
          note: r.pick(NOTES),
        },
        options,
      ),
  ];
  r.pick(edits)();
}

const randomPhotos = (r: RandomSource): string[] => Array.from({ length: r.int(3) }, () => r.sha256());

const rectification: ConvergenceScenario = {
  kind: 'rectification',
  createDoc: rectificationDoc,
  edit: randomEdit,
  toJSON: rectificationToJSON,
  validate: validateRectification,
};

/** Two peers that exchange their whole state, as two devices coming back online do. */
function offlinePair(): [Y.Doc, Y.Doc, () => void] {
  const a = rectificationDoc(1);
  const b = new Y.Doc();
  b.clientID = 2;
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const reconnect = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  };
  return [a, b, reconnect];
}

describe('convergence of rectification documents', () => {
  it.each(convergenceSeeds(24))('peers converge to identical JSON (seed %i)', (seed) => {
    runScenario(rectification, seed, 100);
  });

  it('keeps replies written offline on two devices, and reviews from two offline inspectors', () => {
    const [a, b, reconnect] = offlinePair();
    setReply(a, { ...AUTHORS[0]!, text: '已整改' }, { now: at('2026-03-16T08:00:00Z') });
    const later = setReply(
      b,
      { ...AUTHORS[1]!, text: '已补齐交底记录' },
      { now: at('2026-03-16T09:00:00Z') },
    );
    reconnect();
    const review = { replyId: later };
    addReview(a, { ...review, ...REVIEWERS[0]!, verdict: 'rejected' }, { now: at('2026-03-17T08:00:00Z') });
    addReview(b, { ...review, ...REVIEWERS[1]!, verdict: 'accepted' }, { now: at('2026-03-17T09:00:00Z') });
    reconnect();
    const json = rectificationToJSON(a);
    expect(rectificationToJSON(b)).toEqual(json);
    expect(json.replies.map((reply) => reply.text)).toEqual(['已整改', '已补齐交底记录']);
    expect(json.reviews.map((review) => review.verdict)).toEqual(['rejected', 'accepted']);
    expect(json.status).toBe('passed'); // the later review of the current reply decides
  });

  it('keeps a reply written offline at the instant of a concurrent review open on both devices', () => {
    const [a, b, reconnect] = offlinePair();
    const first = setReply(a, { ...AUTHORS[0]!, text: '已整改' }, { now: at('2026-03-16T08:00:00Z') });
    reconnect();
    const instant = { now: at('2026-03-17T08:00:00Z') };
    addReview(a, { replyId: first, ...REVIEWERS[0]!, verdict: 'accepted' }, instant);
    setReply(b, { ...AUTHORS[1]!, text: '已补齐交底记录' }, instant);
    reconnect();
    const json = rectificationToJSON(a);
    expect(rectificationToJSON(b)).toEqual(json);
    // The review answered the reply it saw; the newer reply still waits for its own review.
    expect(json.status).toBe('replied');
    expect(json.currentReplyId).not.toBe(first);
  });

  it('returns a reply on both devices when the review and a rewrite of an older reply cross', () => {
    const [a, b, reconnect] = offlinePair();
    const first = setReply(a, { ...AUTHORS[0]!, text: '已整改' }, { now: at('2026-03-16T08:00:00Z') });
    const second = setReply(a, { ...AUTHORS[0]!, text: '再次整改' }, { now: at('2026-03-16T09:00:00Z') });
    reconnect();
    addReview(
      a,
      { replyId: second, ...REVIEWERS[0]!, verdict: 'rejected' },
      { now: at('2026-03-17T08:00:00Z') },
    );
    addReview(
      b,
      { replyId: first, ...REVIEWERS[1]!, verdict: 'accepted' },
      { now: at('2026-03-17T09:00:00Z') },
    );
    reconnect();
    // A later acceptance of an older reply does not close the newer, returned one.
    expect(rectificationToJSON(a).status).toBe('returned');
    expect(rectificationToJSON(b)).toEqual(rectificationToJSON(a));
  });

  it('ends with one of two concurrent versions of the same reply on both devices', () => {
    const [a, b, reconnect] = offlinePair();
    const replyId = setReply(a, { ...AUTHORS[0]!, text: '已整改', photos: ['a'.repeat(64)] });
    reconnect();
    setReply(a, {
      replyId,
      ...AUTHORS[0]!,
      text: '已整改，见照片',
      photos: ['a'.repeat(64), 'b'.repeat(64)],
    });
    setReply(b, { replyId, ...AUTHORS[1]!, text: '已整改完毕' });
    reconnect();
    const json = rectificationToJSON(a);
    expect(rectificationToJSON(b)).toEqual(json);
    expect(json.replies).toHaveLength(1);
    // A reply is one map value, so the versions never mix: text and photos come from the same device.
    expect([
      ['已整改，见照片', ['a'.repeat(64), 'b'.repeat(64)]],
      ['已整改完毕', []],
    ]).toContainEqual([json.replies[0]?.text, json.replies[0]?.photos]);
  });
});
