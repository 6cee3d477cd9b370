import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WORK_RECORD_TYPES } from '../src/project/schema.js';
import { projectDocToJSON } from '../src/project/to-json.js';
import { validateProjectDoc } from '../src/project/validate.js';
import {
  initProjectDoc,
  removeDangerousWork,
  removeEquipment,
  setDangerousWork,
  setEquipment,
  setWorkRecord,
} from '../src/project/write.js';
import { at, projectDoc } from './factories.js';
import { RandomSource } from './random.js';
import { convergenceSeeds, runScenario, type ConvergenceScenario } from './network.js';

/**
 * Seeded-random convergence of project documents (the network and the rules are in `network.ts`): devices add,
 * rename and remove 超危大 works, fill in their records and keep the equipment list while dropping offline.
 * A failure names its seed; replay it with MODEL_SEED=<seed>.
 */

const WORKS = [
  { name: '深基坑工程', category: 'deep_excavation' },
  { name: '高大模板工程', category: 'high_formwork' },
  { name: '起重吊装工程', category: 'lifting' },
  { name: '5号楼深基坑', category: 'foundation_pit', itemId: 'sdw.pit.depth5' },
];
const EQUIPMENT = [
  { type: 'tower_crane', name: '1号塔吊' },
  { type: 'hoist', name: '2号施工升降机' },
  { type: 'other', name: '物料提升机' },
] as const;
const DATES = ['2026-01-10', '2026-02-01', '2026-09-01'];
const NOTES = ['', '已报监督站', '专家组5人'];
const OPERATORS = [
  { name: '王师傅', certificateNumber: '苏A042026000123', validUntil: '2027-05-31' },
  { name: '赵师傅', certificateNumber: '苏A042025000456', validUntil: null },
];

function randomEdit(doc: Y.Doc, r: RandomSource, step: number): void {
  const options = { now: at(new Date(Date.UTC(2026, 2, 16, 2, 0, step)).toISOString()) };
  const json = projectDocToJSON(doc);
  const work = json.works.length > 0 ? r.pick(json.works) : null;
  const equipment = json.equipment.length > 0 ? r.pick(json.equipment) : null;
  const date = () => (r.chance(0.7) ? r.pick(DATES) : null);
  // New works and equipment are rarer than edits, so the same entry is often edited on two devices at once.
  const edits: Array<() => void> = [
    () => r.chance(0.3) && setDangerousWork(doc, { workId: r.uuid(), ...r.pick(WORKS) }, options),
    () => work && setDangerousWork(doc, { workId: work.workId, ...r.pick(WORKS) }, options),
    () => work && r.chance(0.3) && removeDangerousWork(doc, work.workId, options),
    () =>
      work?.category === 'foundation_pit' &&
      setDangerousWork(
        doc,
        { ...work, parameters: { excavationDepthM: { value: r.int(120) / 10, unit: 'm' } } },
        options,
      ),
    () =>
      work &&
      setWorkRecord(
        doc,
        work.workId,
        r.pick(WORK_RECORD_TYPES),
        {
          date: date(),
          note: r.pick(NOTES),
          conclusion: r.chance(0.3) ? '合格' : null,
          files: [r.sha256()],
          people: r.pick(NOTES),
        },
        options,
      ),
    () => r.chance(0.3) && setEquipment(doc, { equipmentId: r.uuid(), ...r.pick(EQUIPMENT) }, options),
    () =>
      equipment &&
      setEquipment(
        doc,
        {
          ...equipment,
          registrationNumber: `苏A-${r.int(100)}`,
          nextInspectionDate: date(),
          ...(r.chance(0.5) ? { installationDate: date(), operators: OPERATORS.slice(r.int(2)) } : {}),
        },
        options,
      ),
    () => equipment && r.chance(0.3) && removeEquipment(doc, equipment.equipmentId, options),
    // Every device writes the project's metadata when it opens the doc; doing it again must change nothing.
    () => r.chance(0.2) && initProjectDoc(doc, 'p-320102-0001', options),
  ];
  r.pick(edits)();
}

const project: ConvergenceScenario = {
  kind: 'project',
  createDoc: projectDoc,
  edit: randomEdit,
  toJSON: projectDocToJSON,
  validate: validateProjectDoc,
};

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};

describe('convergence of project documents', () => {
  it.each(convergenceSeeds(24))('peers converge to identical JSON (seed %i)', (seed) => {
    runScenario(project, seed, 100);
  });

  it('keeps works and records added offline on two devices', () => {
    const a = projectDoc(1);
    const b = new Y.Doc();
    b.clientID = 2;
    const pit = setDangerousWork(a, WORKS[0]!, { now: at('2026-03-16T08:00:00Z') });
    exchange(a, b);
    setWorkRecord(a, pit, 'plan', { date: '2026-01-10' });
    setWorkRecord(b, pit, 'briefing', { date: '2026-01-20' });
    setDangerousWork(a, WORKS[1]!, { now: at('2026-03-16T09:00:00Z') });
    setDangerousWork(b, WORKS[2]!, { now: at('2026-03-16T10:00:00Z') });
    exchange(a, b);
    const json = projectDocToJSON(a);
    expect(projectDocToJSON(b)).toEqual(json);
    expect(json.works.map((w) => w.name)).toEqual(['深基坑工程', '高大模板工程', '起重吊装工程']);
    expect(json.works[0]?.gaps).toEqual(['expertReview', 'acceptance', 'implementation']);
  });

  it('merges two devices that each initialised the document offline into one project', () => {
    const a = projectDoc(1);
    const b = projectDoc(2);
    setEquipment(a, { type: 'tower_crane', name: '1号塔吊' }, { now: at('2026-03-16T08:00:00Z') });
    setEquipment(b, { type: 'hoist', name: '2号施工升降机' }, { now: at('2026-03-16T09:00:00Z') });
    exchange(a, b);
    const json = projectDocToJSON(a);
    expect(projectDocToJSON(b)).toEqual(json);
    expect(json.projectId).toBe('p-320102-0001');
    expect(json.equipment.map((e) => e.name)).toEqual(['1号塔吊', '2号施工升降机']);
    expect(validateProjectDoc(a)).toEqual([]);
  });

  it('ends with one of two concurrent versions of the same work record on both devices', () => {
    const a = projectDoc(1);
    const b = new Y.Doc();
    b.clientID = 2;
    const pit = setDangerousWork(a, WORKS[0]!);
    exchange(a, b);
    setWorkRecord(a, pit, 'acceptance', { date: '2026-02-01', conclusion: '合格' });
    setWorkRecord(b, pit, 'acceptance', { date: '2026-02-03', conclusion: '整改后合格' });
    exchange(a, b);
    const json = projectDocToJSON(a);
    expect(projectDocToJSON(b)).toEqual(json);
    // A record is one map value, so date and conclusion come from the same device.
    expect([
      ['2026-02-01', '合格'],
      ['2026-02-03', '整改后合格'],
    ]).toContainEqual([
      json.works[0]?.records.acceptance?.date,
      json.works[0]?.records.acceptance?.conclusion,
    ]);
  });

  it('ends with the parameters of one device and keeps the step people and operators of both', () => {
    const a = projectDoc(1);
    const b = new Y.Doc();
    b.clientID = 2;
    const pit = setDangerousWork(a, WORKS[3]!);
    const crane = setEquipment(a, { type: 'tower_crane', name: '1号塔吊' });
    exchange(a, b);
    const depth = (value: number) => ({ excavationDepthM: { value, unit: 'm' } });
    setDangerousWork(a, { workId: pit, ...WORKS[3]!, parameters: depth(4.5) });
    setDangerousWork(b, { workId: pit, ...WORKS[3]!, parameters: depth(6) });
    setWorkRecord(a, pit, 'briefing', { date: '2026-03-01', people: '项目技术负责人 张工' });
    setWorkRecord(b, pit, 'acceptance', { date: '2026-03-02', people: '总监 李工' });
    setEquipment(b, { equipmentId: crane, type: 'tower_crane', name: '1号塔吊', operators: [OPERATORS[0]!] });
    exchange(a, b);
    const json = projectDocToJSON(a);
    expect(projectDocToJSON(b)).toEqual(json);
    expect([4.5, 6]).toContain(json.works[0]?.parameters.excavationDepthM?.value);
    expect(json.works[0]?.records.briefing?.people).toBe('项目技术负责人 张工');
    expect(json.works[0]?.records.acceptance?.people).toBe('总监 李工');
    expect(json.equipment[0]?.operators).toEqual([OPERATORS[0]]);
  });
});
