/**
 * Server CPU to materialize a full 19-sheet JGJ59 inspection (`materializeInspectionRows`, pure), beside the
 * standards engine alone scoring the same input: what the materializer adds to the unavoidable scoring.
 *
 * @module
 */
import * as Y from 'yjs';
import {
  addSheet,
  createInspection,
  inspectionScoreInput,
  inspectionToJSON,
  setComment,
  setDeduction,
  setInspector,
  setItemNotApplicable,
  setSheetFlag,
  type InspectionJSON,
} from '@anguan/model';
import { getJgj59Catalog, scoreJgj59 } from '@anguan/standards';
import { summarize, type Summary } from './stats';

const ID = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';

type Materialize = (json: InspectionJSON, registry: object, now: Date) => unknown;

async function loadMaterializer(): Promise<Materialize> {
  const server = (await import('@anguan/server')) as { materializeInspectionRows?: Materialize };
  if (server.materializeInspectionRows) return server.materializeInspectionRows;
  // Until the server package re-exports it, read it from its module.
  const module = (await import('../../../server/src/inspections/materialize.js' as string)) as {
    materializeInspectionRows: Materialize;
  };
  return module.materializeInspectionRows;
}

/** One sheet of each of the 19 tables, each with three deductions and one item 缺项, all saved. */
export function fullInspectionJson(): InspectionJSON {
  const doc = new Y.Doc();
  createInspection(doc, { projectId: 'p-1', origin: 'enterprise', method: 'jgj59', date: '2026-11-30', createdBy: 'u-1' });
  setInspector(doc, { userId: 'u-1', name: '李安全' });
  setComment(doc, '基准测试评语');
  for (const table of getJgj59Catalog().tables) {
    const sheetId = addSheet(doc, { tableId: table.id });
    for (const item of table.items.slice(0, 3)) {
      const rule = item.deductions[0]!;
      setDeduction(doc, sheetId, { itemId: item.id, ruleId: rule.id, points: rule.pointsRange?.[0] ?? null });
    }
    const last = table.items.at(-1)!;
    setItemNotApplicable(doc, sheetId, last.id, true);
    setSheetFlag(doc, sheetId, 'done', true);
  }
  return inspectionToJSON(doc);
}

export interface MaterializeFigures {
  materialize: Summary;
  engineOnly: Summary;
  cpuPerMaterializeMs: number;
}

export async function measureMaterialize(iterations: number): Promise<MaterializeFigures> {
  const materialize = await loadMaterializer();
  const json = fullInspectionJson();
  const registry = {
    docName: `inspection:${ID}`,
    id: ID,
    projectId: 'p-1',
    origin: 'enterprise',
    method: 'jgj59',
    creatorUserId: 'u-1',
    createdAt: new Date('2026-11-30T00:00:00Z'),
    sealedAt: new Date('2026-11-30T08:00:00Z'),
    sealedHash: 'x'.repeat(64),
  };
  const now = new Date();
  const catalog = getJgj59Catalog();
  const run = (fn: () => unknown) => {
    for (let i = 0; i < 30; i++) fn();
    const samples: number[] = [];
    const cpu = process.cpuUsage();
    for (let i = 0; i < iterations; i++) {
      const start = process.hrtime.bigint();
      fn();
      samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const used = process.cpuUsage(cpu);
    return { samples, cpuMs: (used.user + used.system) / 1000 / iterations };
  };
  const full = run(() => materialize(json, registry, now));
  const engine = run(() => scoreJgj59(inspectionScoreInput(json, catalog)));
  return {
    materialize: summarize(full.samples),
    engineOnly: summarize(engine.samples),
    cpuPerMaterializeMs: Number(full.cpuMs.toFixed(3)),
  };
}
