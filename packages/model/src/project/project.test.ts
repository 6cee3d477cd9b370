import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { projectDocBlobRefs, projectDocToJSON } from './to-json.js';
import { validateProjectDoc } from './validate.js';
import {
  initProjectDoc,
  removeDangerousWork,
  setDangerousWork,
  setEquipment,
  setWorkRecord,
} from './write.js';

describe('project document', () => {
  it('lists 超危大 works with their records and flags the missing ones as gaps', () => {
    const doc = new Y.Doc();
    initProjectDoc(doc, 'p1');
    const work = setDangerousWork(doc, { name: '深基坑工程', category: 'deep_excavation' });
    setWorkRecord(doc, work, 'plan', { date: '2026-01-10', files: ['d'.repeat(64)] });
    setWorkRecord(doc, work, 'acceptance', { date: '2026-02-01', conclusion: '合格' });
    setEquipment(doc, { type: 'tower_crane', name: '1号塔吊', nextInspectionDate: '2026-09-01' });
    const json = projectDocToJSON(doc);
    expect(json.works[0]?.gaps).toEqual(['expertReview', 'briefing', 'implementation']);
    expect(json.works[0]?.records.acceptance?.conclusion).toBe('合格');
    expect(json.equipment[0]).toMatchObject({
      type: 'tower_crane',
      name: '1号塔吊',
      nextInspectionDate: '2026-09-01',
    });
    expect(projectDocBlobRefs(json)).toEqual(['d'.repeat(64)]);
    expect(validateProjectDoc(doc)).toEqual([]);
    removeDangerousWork(doc, work);
    expect(projectDocToJSON(doc).works).toEqual([]);
  });
});

describe('project document fields of 附件2 items, step people and equipment operators', () => {
  const pitWork = (doc: Y.Doc) =>
    setDangerousWork(doc, {
      name: '2号楼深基坑',
      category: 'foundation_pit',
      itemId: 'sdw.pit.depth5',
      parameters: { excavationDepthM: { value: 6.5, unit: 'm' } },
    });

  it('stores the 附件2 item with its parameters and keeps them through a rename', () => {
    const doc = new Y.Doc();
    const work = pitWork(doc);
    setDangerousWork(doc, { workId: work, name: '2号楼深基坑支护', category: 'foundation_pit' });
    expect(projectDocToJSON(doc).works[0]).toMatchObject({
      name: '2号楼深基坑支护',
      itemId: 'sdw.pit.depth5',
      parameters: { excavationDepthM: { value: 6.5, unit: 'm' } },
    });
  });

  it('drops the item and its parameters when the category changes', () => {
    const doc = new Y.Doc();
    const work = pitWork(doc);
    setDangerousWork(doc, { workId: work, name: '2号楼', category: 'formwork' });
    expect(projectDocToJSON(doc).works[0]).toMatchObject({ itemId: null, parameters: {} });
  });

  it('refuses an item of another category, a parameter the item lacks, a wrong unit or a negative value', () => {
    const doc = new Y.Doc();
    const base = { name: '模板', category: 'formwork' };
    expect(() => setDangerousWork(doc, { ...base, itemId: 'sdw.pit.depth5' })).toThrow(/itemId/);
    expect(() => setDangerousWork(doc, { ...base, itemId: 'nope' })).toThrow(/itemId/);
    const support = { ...base, itemId: 'sdw.form.support' };
    expect(() =>
      setDangerousWork(doc, { ...support, parameters: { depthM: { value: 1, unit: 'm' } } }),
    ).toThrow(/parameters.depthM/);
    expect(() =>
      setDangerousWork(doc, { ...support, parameters: { totalLoadKNm2: { value: 16, unit: 'kN/m' } } }),
    ).toThrow(/kN\/m²/);
    expect(() =>
      setDangerousWork(doc, { ...support, parameters: { heightM: { value: -1, unit: 'm' } } }),
    ).toThrow(/heightM/);
    expect(projectDocToJSON(doc).works).toEqual([]);
  });

  it('keeps the people of each step, trimmed', () => {
    const doc = new Y.Doc();
    const work = pitWork(doc);
    setWorkRecord(doc, work, 'acceptance', {
      date: '2026-03-01',
      conclusion: '合格',
      people: ' 张工、李总监 ',
    });
    expect(projectDocToJSON(doc).works[0]?.records.acceptance?.people).toBe('张工、李总监');
    expect(() => setWorkRecord(doc, work, 'plan', { people: 'x'.repeat(501) })).toThrow(/people/);
  });

  it('stores installation date and operators, keeps them when a caller leaves them out and checks them', () => {
    const doc = new Y.Doc();
    const operator = { name: '王师傅', certificateNumber: '苏A042026000123', validUntil: '2027-05-31' };
    const id = setEquipment(doc, {
      type: 'tower_crane',
      name: '1号塔吊',
      installationDate: '2026-02-10',
      operators: [operator],
    });
    setEquipment(doc, {
      equipmentId: id,
      type: 'tower_crane',
      name: '1号塔吊',
      nextInspectionDate: '2026-08-10',
    });
    expect(projectDocToJSON(doc).equipment[0]).toMatchObject({
      installationDate: '2026-02-10',
      nextInspectionDate: '2026-08-10',
      operators: [operator],
    });
    const bad = (operators: Array<typeof operator>) => () =>
      setEquipment(doc, { equipmentId: id, type: 'tower_crane', name: '1号塔吊', operators });
    expect(bad([{ ...operator, certificateNumber: ' ' }])).toThrow(/operators.0.certificateNumber/);
    expect(bad([{ ...operator, validUntil: '2027-02-30' }])).toThrow(/validUntil/);
    expect(() =>
      setEquipment(doc, { type: 'hoist', name: '升降机', installationDate: '2026/02/10' }),
    ).toThrow(/installationDate/);
  });

  it('reads documents written before these fields with empty defaults', () => {
    const doc = new Y.Doc();
    initProjectDoc(doc, 'p1');
    doc
      .getMap('works')
      .set('w1', { name: '旧工程', category: 'formwork', createdAt: '2025-01-01T00:00:00Z' });
    doc.getMap('workRecords').set('w1|plan', { date: '2025-01-02', note: '', conclusion: null, files: [] });
    doc.getMap('equipment').set('e1', {
      type: 'hoist',
      name: '旧升降机',
      registrationNumber: '',
      lastInspectionDate: null,
      nextInspectionDate: null,
      createdAt: '2025-01-01T00:00:00Z',
    });
    const json = projectDocToJSON(doc);
    expect(json.works[0]).toMatchObject({ itemId: null, parameters: {} });
    expect(json.works[0]?.records.plan?.people).toBe('');
    expect(json.equipment[0]).toMatchObject({ installationDate: null, operators: [] });
    expect(validateProjectDoc(doc)).toEqual([]);
  });
});
