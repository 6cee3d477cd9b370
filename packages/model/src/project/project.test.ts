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
