import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { at, inspectionDoc, rectificationDoc } from '../../test/factories.js';
import { inspectionToJSON } from '../inspection/to-json.js';
import { addTerm } from '../inspection/write.js';
import { addSheet, setDeduction, setItemNotApplicable } from '../inspection/write-sheets.js';
import { findingKey, inspectionFindingKeys } from './finding-key.js';
import { RECTIFICATION_LIMITS, RECTIFICATION_ROOTS } from './schema.js';
import { rectificationBlobRefs, rectificationToJSON } from './to-json.js';
import { validateRectification } from './validate.js';
import { addReview, setReply } from './write.js';

const PD = { authorUserId: 'pd', authorName: '项目部' };
const KEYS = ['term:t.01.001', 'term:t.02.003'];
const hash = (n: number) => n.toString(16).padStart(64, '0');

const reply = (doc: Y.Doc, input: Partial<Parameters<typeof setReply>[1]>, iso = '2026-03-16T00:00:00Z') =>
  setReply(doc, { ...PD, text: '', findingKeys: KEYS, ...input }, { now: at(iso) });

describe('finding keys', () => {
  it('names a term by its id and a deduction by its sheet/item/rule path, rows and sheet findings alike', () => {
    expect(findingKey({ kind: 'term', termId: 't.01.001' })).toBe('term:t.01.001');
    const row = { kind: 'deduction', sheetId: 's1', itemId: 'a.01', ruleId: 'a.01.02', termId: null };
    expect(findingKey(row)).toBe('deduction:s1/a.01/a.01.02');
    expect(findingKey({ kind: 'na_item', sheetId: 's1', itemId: 'a.01' })).toBeNull();
  });

  it("lists a terms inspection's terms and a scored inspection's counted deductions (缺项 items left out)", () => {
    const terms = inspectionDoc({ method: 'terms', catalogVersion: null });
    addTerm(terms, 'safety_mgmt.t01', 'u1');
    expect(inspectionFindingKeys(inspectionToJSON(terms))).toEqual(['term:safety_mgmt.t01']);
    const scored = inspectionDoc();
    const sheet = addSheet(scored, { tableId: 'tower_crane', sheetId: 's1' });
    setDeduction(scored, sheet, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.02' });
    setDeduction(scored, sheet, { itemId: 'tower_crane.03', ruleId: 'tower_crane.03.01' });
    setItemNotApplicable(scored, sheet, 'tower_crane.03', true);
    expect(inspectionFindingKeys(inspectionToJSON(scored))).toEqual([
      'deduction:s1/tower_crane.01/tower_crane.01.02',
    ]);
  });
});

describe('per-finding parts of a reply', () => {
  it('keeps each finding’s text and photos beside the whole-sheet answer, in toJSON and blob refs', () => {
    const doc = rectificationDoc();
    const id = reply(doc, {
      text: '其余问题已整改',
      photos: [hash(1)],
      findingReplies: { 'term:t.01.001': { text: ' 已加设防护栏杆 ', photos: [hash(2), hash(2)] } },
    });
    const json = rectificationToJSON(doc);
    expect(json.replies).toMatchObject([
      {
        replyId: id,
        text: '其余问题已整改',
        findingReplies: { 'term:t.01.001': { text: '已加设防护栏杆', photos: [hash(2)] } },
      },
    ]);
    expect(rectificationBlobRefs(json)).toEqual([hash(1), hash(2)]);
    expect(validateRectification(doc, { findingKeys: KEYS })).toEqual([]);
  });

  it('accepts a reply answering findings only, drops empty parts, and refuses one answering nothing', () => {
    const doc = rectificationDoc();
    reply(doc, { findingReplies: { 'term:t.01.001': { text: '已整改' }, 'term:t.02.003': { text: '  ' } } });
    expect(Object.keys(rectificationToJSON(doc).replies[0]!.findingReplies)).toEqual(['term:t.01.001']);
    expect(() => reply(doc, { findingReplies: { 'term:t.02.003': { text: '' } } })).toThrow(/text/);
  });

  it('refuses a finding the inspection does not have, and parts without the inspection’s keys', () => {
    const doc = rectificationDoc();
    expect(() => reply(doc, { findingReplies: { 'term:t.99.999': { text: '已整改' } } })).toThrow(
      /findingReplies/,
    );
    expect(() => reply(doc, { findingReplies: { 'x:y': { text: '已整改' } } })).toThrow(/findingReplies/);
    expect(() =>
      reply(doc, { findingKeys: undefined, findingReplies: { 'term:t.01.001': { text: '已整改' } } }),
    ).toThrow(/findingKeys/);
    expect(rectificationToJSON(doc).replies).toEqual([]);
  });

  it('bounds text and photos per finding and for the reply as a whole', () => {
    const doc = rectificationDoc();
    const photos = (n: number, from = 0) => Array.from({ length: n }, (_, i) => hash(from + i));
    const long = 'x'.repeat(RECTIFICATION_LIMITS.maxTextLength + 1);
    expect(() => reply(doc, { findingReplies: { 'term:t.01.001': { text: long } } })).toThrow(/过长/);
    const tooMany = { 'term:t.01.001': { photos: photos(RECTIFICATION_LIMITS.maxFindingPhotos + 1) } };
    expect(() => reply(doc, { findingReplies: tooMany })).toThrow(/照片过多/);
    const keys = Array.from({ length: 11 }, (_, i) => `term:t.${i}`);
    const parts = Object.fromEntries(keys.map((k, i) => [k, { photos: photos(20, i * 20) }]));
    expect(() => reply(doc, { findingKeys: keys, findingReplies: parts })).toThrow(/照片总数/);
    expect(rectificationToJSON(doc).replies).toEqual([]);
  });

  it('reads a reply written before per-finding parts as answering none, and skips a malformed part', () => {
    const doc = rectificationDoc();
    const replies = doc.getMap(RECTIFICATION_ROOTS.replies);
    replies.set('old', { ...PD, at: '2026-03-16T00:00:00.000Z', text: '已整改', photos: [] });
    const bad = { 'term:t.01.001': { text: 1, photos: [] }, 'term:t.02.003': { text: '已整改', photos: [] } };
    replies.set('new', { ...PD, at: '2026-03-17T00:00:00.000Z', text: '', photos: [], findingReplies: bad });
    const json = rectificationToJSON(doc);
    expect(json.replies.map((r) => Object.keys(r.findingReplies))).toEqual([[], ['term:t.02.003']]);
    expect(validateRectification(doc).map((i) => i.path)).toEqual([
      'replies.new.findingReplies.term:t.01.001',
    ]);
  });

  it('reports a part written past the writer for a finding the inspection does not have', () => {
    const doc = rectificationDoc();
    const foreign = { 'term:t.99.999': { text: '已整改', photos: [] } };
    doc
      .getMap(RECTIFICATION_ROOTS.replies)
      .set('r1', { ...PD, at: 'x', text: '', photos: [], findingReplies: foreign });
    expect(validateRectification(doc)).toEqual([]); // without the keys, only its shape can be judged
    expect(validateRectification(doc, { findingKeys: KEYS })).toMatchObject([
      { path: 'replies.r1.findingReplies.term:t.99.999', code: 'invalid' },
    ]);
  });

  it('leaves the status rule as it was: a review answers the version it saw, parts included', () => {
    const doc = rectificationDoc();
    const parts = { 'term:t.01.001': { text: '已整改' } };
    const id = reply(doc, { findingReplies: parts });
    addReview(
      doc,
      { replyId: id, reviewerUserId: 'u1', reviewerName: '李', verdict: 'accepted' },
      { now: at('2026-03-17T00:00:00Z') },
    );
    expect(rectificationToJSON(doc).status).toBe('passed');
    reply(
      doc,
      { replyId: id, findingReplies: { ...parts, 'term:t.02.003': { text: '补充' } } },
      '2026-03-18T00:00:00Z',
    );
    expect(rectificationToJSON(doc)).toMatchObject({ status: 'replied', rounds: 1 });
  });
});

describe('concurrent writers of per-finding parts', () => {
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

  it('keeps both devices’ replies with their parts when they reply offline at once', () => {
    const [a, b, reconnect] = offlinePair();
    reply(a, { findingReplies: { 'term:t.01.001': { text: '甲', photos: [hash(1)] } } });
    reply(b, { text: '乙', findingReplies: { 'term:t.02.003': { text: '乙' } } }, '2026-03-16T00:00:01Z');
    reconnect();
    const json = rectificationToJSON(a);
    expect(rectificationToJSON(b)).toEqual(json);
    expect(json.replies.map((r) => Object.keys(r.findingReplies))).toEqual([
      ['term:t.01.001'],
      ['term:t.02.003'],
    ]);
    expect(json.status).toBe('replied');
  });

  it('ends a reply edited on two devices at once as one device’s whole version, never a mix of parts', () => {
    const [a, b, reconnect] = offlinePair();
    const id = reply(a, { findingReplies: { 'term:t.01.001': { text: '初稿' } } });
    reconnect();
    reply(a, { replyId: id, findingReplies: { 'term:t.01.001': { text: '甲改' } } }, '2026-03-16T01:00:00Z');
    reply(b, { replyId: id, findingReplies: { 'term:t.02.003': { text: '乙改' } } }, '2026-03-16T01:00:00Z');
    reconnect();
    const json = rectificationToJSON(a);
    expect(rectificationToJSON(b)).toEqual(json);
    expect(json.replies).toHaveLength(1);
    expect(json.replies[0]!.findingReplies).toEqual({ 'term:t.02.003': { text: '乙改', photos: [] } }); // higher client id
  });
});
