import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectionDoc } from '../../test/factories.js';
import { InvalidValueError, UnknownSheetError } from '../errors.js';
import { ORIGINS } from '../origins.js';
import { observeSheet, observeTerms } from './observe.js';
import { readMeta, readSheet } from './read.js';
import { inspectionBlobRefs, inspectionToJSON } from './to-json.js';
import { checkInspectionReadyToSeal, validateInspection } from './validate.js';
import * as content from './write.js';
import * as sheets from './write-sheets.js';

const w = { ...content, ...sheets };

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

describe('inspection writers and readers', () => {
  it('creates the metadata at the current schema version', () => {
    const doc = inspectionDoc();
    expect(readMeta(doc)).toMatchObject({
      schemaVersion: 1,
      projectId: 'p-320102-0001',
      origin: 'enterprise',
      method: 'jgj59',
      date: '2026-03-15',
      status: 'draft',
      catalogVersion: 'JGJ59-2011',
      createdAt: '2026-03-15T01:00:00.000Z',
    });
    expect(validateInspection(doc)).toEqual([]);
  });

  it('tags every write with the given origin, defaulting to the local user', () => {
    const doc = inspectionDoc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t) => origins.push(t.origin));
    w.setRemarks(doc, '现场整体较好');
    w.setComment(doc, '良好', { origin: ORIGINS.migration });
    expect(origins).toEqual([ORIGINS.localUser, ORIGINS.migration]);
  });

  it('records deductions, 缺项 and done flags per sheet, and clears a sheet', () => {
    const doc = inspectionDoc();
    const s1 = w.addSheet(doc, { tableId: 'tower_crane', label: '1号塔吊' });
    const s2 = w.addSheet(doc, { tableId: 'tower_crane', label: '2号塔吊' });
    w.setDeduction(doc, s1, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.02', count: 2 });
    w.setDeduction(doc, s1, { itemId: 'tower_crane.03', ruleId: 'tower_crane.03.01', points: 4 });
    w.setItemNotApplicable(doc, s1, 'tower_crane.09', true);
    w.setSheetFlag(doc, s1, 'done', true);
    w.setSheetFlag(doc, s2, 'na', true);
    expect(readSheet(doc, s1)).toMatchObject({
      label: '1号塔吊',
      done: true,
      notApplicable: false,
      notApplicableItems: ['tower_crane.09'],
      deductions: [
        { ruleId: 'tower_crane.01.02', itemId: 'tower_crane.01', count: 2, points: null },
        { ruleId: 'tower_crane.03.01', itemId: 'tower_crane.03', count: 1, points: 4 },
      ],
    });
    expect(readSheet(doc, s2)).toMatchObject({ notApplicable: true, deductions: [] });
    w.clearSheet(doc, s1);
    expect(readSheet(doc, s1)).toMatchObject({ done: false, notApplicableItems: [], deductions: [] });
    expect(readSheet(doc, s2)?.notApplicable).toBe(true);
  });

  it('refuses invalid input without writing anything', () => {
    const doc = inspectionDoc();
    const before = Y.encodeStateVector(doc);
    expect(() => w.setDate(doc, '2026-02-30')).toThrow(InvalidValueError);
    expect(() => w.setDeduction(doc, 'nope', { itemId: 'a.01', ruleId: 'a.01.01' })).toThrow(
      UnknownSheetError,
    );
    const sheet = w.addSheet(doc, { tableId: 'a' });
    const afterSheet = Y.encodeStateVector(doc);
    expect(() => w.setDeduction(doc, sheet, { itemId: 'a.01', ruleId: 'a.01.01', count: 0 })).toThrow(
      InvalidValueError,
    );
    expect(() => w.addTermPhoto(doc, 't1', 'not-a-hash')).toThrow(InvalidValueError);
    expect(Y.encodeStateVector(doc)).toEqual(afterSheet);
    expect(before).not.toEqual(afterSheet);
  });

  it('keeps terms with their photos and notes, and drops them when a term is deselected', () => {
    const doc = inspectionDoc({ method: 'terms' });
    w.addTerm(doc, 'T-3.2.1', 'u1', { now: () => new Date('2026-03-15T02:00:00Z') });
    w.addTerm(doc, 'T-1.1.1', 'u1', { now: () => new Date('2026-03-15T03:00:00Z') });
    w.addTermPhoto(doc, 'T-3.2.1', HASH_B);
    w.addTermPhoto(doc, 'T-3.2.1', HASH_A);
    w.setTermNote(doc, 'T-3.2.1', '临边无防护');
    const json = inspectionToJSON(doc);
    expect(json.terms.map((t) => t.termId)).toEqual(['T-3.2.1', 'T-1.1.1']);
    expect(json.terms[0]?.note).toBe('临边无防护');
    expect(inspectionBlobRefs(json)).toEqual([HASH_A, HASH_B]);
    w.removeTerm(doc, 'T-3.2.1');
    const after = inspectionToJSON(doc);
    expect(after.terms.map((t) => t.termId)).toEqual(['T-1.1.1']);
    expect(inspectionBlobRefs(after)).toEqual([]);
  });

  it("keeps a term's hazard level and location, and clears the location when the term is deselected", () => {
    const doc = inspectionDoc({ method: 'terms' });
    w.addTerm(doc, 'T-3.2.1', 'u1');
    expect(inspectionToJSON(doc).terms[0]).toMatchObject({ hazardLevel: null, location: '' });
    w.setTermHazardLevel(doc, 'T-3.2.1', 'major');
    w.setTermLocation(doc, 'T-3.2.1', '2号楼 东侧临边');
    expect(inspectionToJSON(doc).terms[0]).toMatchObject({
      termId: 'T-3.2.1',
      addedBy: 'u1',
      hazardLevel: 'major',
      location: '2号楼 东侧临边',
    });
    w.setTermHazardLevel(doc, 'T-3.2.1', null);
    expect(inspectionToJSON(doc).terms[0]?.hazardLevel).toBeNull();
    w.removeTerm(doc, 'T-3.2.1');
    w.addTerm(doc, 'T-3.2.1', 'u2');
    expect(inspectionToJSON(doc).terms[0]).toMatchObject({ hazardLevel: null, location: '' });
  });

  it('refuses an unknown hazard level, a level for an unselected term, and an over-long location', () => {
    const doc = inspectionDoc({ method: 'terms' });
    w.addTerm(doc, 'T1', 'u1');
    const before = Y.encodeStateVector(doc);
    expect(() => w.setTermHazardLevel(doc, 'T1', 'severe' as never)).toThrow(InvalidValueError);
    expect(() => w.setTermHazardLevel(doc, 'T2', 'major')).toThrow(InvalidValueError);
    expect(() => w.setTermLocation(doc, 'T1', 'x'.repeat(201))).toThrow(InvalidValueError);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('reports a malformed hazard level and reads it as the catalog default', () => {
    const doc = inspectionDoc({ method: 'terms' });
    doc.getMap('terms').set('T1', { addedAt: '2026-03-15T01:00:00.000Z', addedBy: 'u1', hazardLevel: 3 });
    expect(inspectionToJSON(doc).terms[0]?.hazardLevel).toBeNull();
    expect(validateInspection(doc).map((i) => i.path)).toContain('terms.T1.hazardLevel');
  });

  it("merges two inspectors' offline term edits: both terms with their levels and locations", () => {
    const a = inspectionDoc({ method: 'terms' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    w.addTerm(a, 'T1', 'u1');
    w.setTermLocation(a, 'T1', '1号楼');
    w.addTerm(b, 'T2', 'u2');
    w.setTermHazardLevel(b, 'T2', 'major');
    w.setTermLocation(b, 'T2', '塔吊基础');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      const terms = inspectionToJSON(doc).terms.map((t) => [t.termId, t.hazardLevel, t.location]);
      expect(terms.sort()).toEqual([
        ['T1', null, '1号楼'],
        ['T2', 'major', '塔吊基础'],
      ]);
    }
  });

  it('soft-deletes internal files and keeps them in the JSON with deletedAt', () => {
    const doc = inspectionDoc({ method: 'internal' });
    w.addFile(doc, {
      sha256: HASH_A,
      name: '检查表.pdf',
      mediaType: 'application/pdf',
      size: 1200,
      addedBy: 'u1',
    });
    w.removeFile(doc, HASH_A);
    const [file] = inspectionToJSON(doc).files;
    expect(file?.deletedAt).not.toBeNull();
    expect(checkInspectionReadyToSeal(inspectionToJSON(doc)).map((i) => i.code)).toContain('empty_content');
  });

  it('skips and reports malformed entries written by a misbehaving peer', () => {
    const doc = inspectionDoc();
    const sheet = w.addSheet(doc, { tableId: 'a' });
    doc.getMap('deductions').set(`${sheet}|a.01.01`, { itemId: 'a.01', count: -3, points: null });
    doc.getMap('inspectors').set('x', 42);
    expect(inspectionToJSON(doc).sheets[0]?.deductions).toEqual([]);
    expect(validateInspection(doc).map((i) => i.path)).toEqual([
      'inspectors.x',
      `sheets.${sheet}.deductions.a.01.01`,
    ]);
  });
});

describe('readiness to seal', () => {
  it('requires a comment for JGJ59, an inspector and a complete rectification request', () => {
    const doc = inspectionDoc();
    const sheetId = w.addSheet(doc, { tableId: 'a' });
    w.setSheetFlag(doc, sheetId, 'done', true);
    w.setRectificationRequest(doc, { required: true, requirement: '限期整改' });
    const codes = checkInspectionReadyToSeal(inspectionToJSON(doc)).map((i) => i.code);
    expect(codes).toEqual(['no_inspector', 'comment_required', 'rectification_incomplete']);
    w.setInspector(doc, { userId: 'u1', name: '李检查' });
    w.setComment(doc, '基本符合要求');
    w.setRectificationRequest(doc, { deadline: '2026-03-22', rectifier: { userId: null, name: '张项目' } });
    expect(checkInspectionReadyToSeal(inspectionToJSON(doc))).toEqual([]);
  });
});

describe('observers', () => {
  it('notify a sheet view only for changes of that sheet, and stop after unsubscribe', () => {
    const doc = inspectionDoc();
    const s1 = w.addSheet(doc, { tableId: 'a' });
    const s2 = w.addSheet(doc, { tableId: 'b' });
    const seen: unknown[] = [];
    const stop = observeSheet(doc, s1, (origin) => seen.push(origin));
    w.setDeduction(doc, s2, { itemId: 'b.01', ruleId: 'b.01.01' });
    w.setDeduction(doc, s1, { itemId: 'a.01', ruleId: 'a.01.01' });
    w.setSheetFlag(doc, s1, 'done', true);
    expect(seen).toEqual([ORIGINS.localUser, ORIGINS.localUser]);
    stop();
    w.setSheetFlag(doc, s1, 'done', false);
    expect(seen).toHaveLength(2);
  });

  it('notify a terms view for term notes and locations', () => {
    const doc = inspectionDoc({ method: 'terms' });
    let calls = 0;
    const stop = observeTerms(doc, () => calls++);
    w.setRemarks(doc, 'x');
    w.setTermNote(doc, 'T1', 'note');
    w.setTermLocation(doc, 'T1', '3号楼');
    expect(calls).toBe(2);
    stop();
  });
});

describe('reading', () => {
  it('never creates root types (the server keeps documents in memory for long)', () => {
    const doc = new Y.Doc();
    inspectionToJSON(doc);
    validateInspection(doc);
    expect([...doc.share.keys()]).toEqual([]);
  });
});
