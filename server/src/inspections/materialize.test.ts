import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  addSheet,
  addTerm,
  setTermHazardLevel,
  setTermLocation,
  findingKey,
  createInspection,
  inspectionToJSON,
  setComment,
  setDeduction,
  setInspector,
  setItemNotApplicable,
  setSelfScore,
  setSheetFlag,
  type InspectionJSON,
} from '@anguan/model';
import { RandomSource } from '@anguan/model/testing';
import {
  formatScore,
  getDustCatalog,
  getInspectionTermTree,
  getJgj59Catalog,
  scoreInspection,
  walkTerms,
  type ItemInput,
  type ScoreInput,
  type ScoringCatalog,
  type SheetInput,
} from '@anguan/standards';
import { InvalidInspectionError, materializeInspectionRows, type RegistryFacts } from './materialize.js';
import { inputFromRows } from './summary.js';

const NOW = new Date('2026-03-15T08:00:00Z');
const ID = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';

const registry = (method: RegistryFacts['method']): RegistryFacts => ({
  docName: `inspection:${ID}`,
  id: ID,
  projectId: 'p-1',
  origin: 'enterprise',
  method,
  creatorUserId: 'u-1',
  createdAt: new Date('2026-03-15T01:00:00Z'),
  sealedAt: null,
  sealedHash: null,
});

function newDoc(method: RegistryFacts['method'], policy: 'provincial' | 'strict' = 'provincial'): Y.Doc {
  const doc = new Y.Doc();
  createInspection(doc, {
    projectId: 'p-1',
    origin: 'enterprise',
    method,
    date: '2026-03-15',
    createdBy: 'u-1',
    scoringPolicy: policy,
  });
  setInspector(doc, { userId: 'u-1', name: '李检查' });
  setComment(doc, '整体良好');
  return doc;
}

/**
 * A random valid inspection written through the model's writers, and — built independently from the same random
 * choices, not from the document — the input the engine should score.
 */
function randomInspection(r: RandomSource): {
  json: InspectionJSON;
  expected: ScoreInput;
  catalog: ScoringCatalog;
} {
  const catalog = r.chance(0.75) ? getJgj59Catalog() : getDustCatalog();
  const policy = r.chance(0.5) ? 'provincial' : 'strict';
  const doc = newDoc(catalog.kind, policy);
  const sheets: SheetInput[] = [];
  const count = 1 + r.int(catalog.kind === 'jgj59' ? 8 : 3);
  for (let s = 0; s < count; s++) {
    const table = r.pick(catalog.tables);
    const label = `${s + 1}号`;
    const sheetId = addSheet(doc, { tableId: table.id, label, sheetId: r.uuid() });
    if (r.chance(0.5)) setSheetFlag(doc, sheetId, 'done', true);
    if (r.chance(0.1)) {
      setSheetFlag(doc, sheetId, 'na', true);
      sheets.push({ tableId: table.id, label, notApplicable: true });
      continue;
    }
    const items: ItemInput[] = table.items.map((item) => {
      if (r.chance(0.1)) {
        setItemNotApplicable(doc, sheetId, item.id, true);
        return { itemId: item.id, notApplicable: true };
      }
      const rules = item.deductions.filter(() => r.chance(0.15));
      return {
        itemId: item.id,
        deductions: rules.map((rule) => {
          const occurrences = rule.per ? 1 + r.int(3) : 1;
          const points = rule.pointsRange
            ? rule.pointsRange[0] + r.int((rule.pointsRange[1] - rule.pointsRange[0]) * 10 + 1) / 10
            : undefined;
          setDeduction(doc, sheetId, {
            itemId: item.id,
            ruleId: rule.id,
            count: occurrences,
            points: points ?? null,
          });
          return points === undefined
            ? { ruleId: rule.id, occurrences }
            : { ruleId: rule.id, occurrences, points };
        }),
      };
    });
    sheets.push({ tableId: table.id, label, items });
  }
  const json = inspectionToJSON(doc);
  // The document lists sheets oldest first, ties by id: the engine sees them in that order (labels are unique).
  const ordered = json.sheets.map((s) => sheets.find((e) => e.label === s.label)!);
  return { json, expected: { policy, sheets: ordered }, catalog };
}

describe('materializeInspectionRows', () => {
  it('agrees with the standards engine on random valid sheet inspections, and its rows rescore the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const { json, expected, catalog } = randomInspection(new RandomSource(seed));
        const engine = scoreInspection(catalog, expected);
        const rows = materializeInspectionRows(json, registry(catalog.kind), NOW);
        expect(rows.inspection.total).toBe(engine.total ? formatScore(engine.total, 2) : null);
        expect(rows.inspection.totalExact).toBe(engine.total?.exact ?? null);
        expect(rows.inspection.grade).toBe(engine.grade?.grade ?? null);
        expect(rows.inspection.policy).toBe(expected.policy);
        expect(rows.sheets.map((s) => s.score)).toEqual(
          engine.sheets.map((s) => (s.score ? formatScore(s.score, 2) : null)),
        );
        const deducted = (list: ReadonlyArray<{ points?: string | null }>) =>
          list.reduce((sum, f) => sum + Number(f.points ?? 0), 0);
        const engineDeducted = engine.sheets.flatMap((s) => s.items.flatMap((i) => i.deductions));
        const rowDeductions = rows.findings.filter((f) => f.kind === 'deduction');
        expect(rowDeductions).toHaveLength(engineDeducted.length);
        expect(deducted(rowDeductions)).toBeCloseTo(
          engineDeducted.reduce((sum, d) => sum + d.deducted, 0),
          6,
        );
        // The summary rebuilds the input from the rows alone: it must give the same total.
        const stored = rows.inspection as Parameters<typeof inputFromRows>[1];
        const sheetRows = rows.sheets as Parameters<typeof inputFromRows>[2];
        const findingRows = rows.findings.map((f, id) => ({ ...f, id })) as Parameters<
          typeof inputFromRows
        >[3];
        const rescored = scoreInspection(catalog, inputFromRows(catalog, stored, sheetRows, findingRows));
        expect(rescored.total?.exact ?? null).toBe(engine.total?.exact ?? null);
      }),
      { numRuns: 60 },
    );
  });

  it('writes term findings with the term catalog hazard level, and no score', () => {
    const doc = newDoc('terms');
    const phrases = [...walkTerms(getInspectionTermTree().categories)].filter((n) => n.kind === 'phrase');
    const major = phrases.find((p) => p.kind === 'phrase' && p.hazardLevel === 'major')!;
    addTerm(doc, major.id, 'u-1');
    const rows = materializeInspectionRows(inspectionToJSON(doc), registry('terms'), NOW);
    expect(rows.inspection).toMatchObject({ total: null, grade: null, policy: null, findingCount: 1 });
    expect(rows.inspection.catalogVersion).toBe(getInspectionTermTree().catalogVersion);
    expect(rows.findings).toEqual([
      expect.objectContaining({ kind: 'term', termId: major.id, hazardLevel: 'major' }),
    ]);
  });

  it('writes the hazard level the inspector chose over the catalog default', () => {
    const doc = newDoc('terms');
    const phrases = [...walkTerms(getInspectionTermTree().categories)].filter((n) => n.kind === 'phrase');
    const general = phrases.find((p) => p.kind === 'phrase' && p.hazardLevel === 'general')!;
    addTerm(doc, general.id, 'u-1');
    setTermHazardLevel(doc, general.id, 'major');
    const rows = materializeInspectionRows(inspectionToJSON(doc), registry('terms'), NOW);
    expect(rows.findings).toEqual([
      expect.objectContaining({ kind: 'term', termId: general.id, hazardLevel: 'major' }),
    ]);
  });

  it("writes a term finding's 楼栋/部位 (trimmed, null when blank), its row keyed as the 检查单 keys it", () => {
    const doc = newDoc('terms');
    const phrases = [...walkTerms(getInspectionTermTree().categories)].filter((n) => n.kind === 'phrase');
    const [located, blank] = phrases;
    addTerm(doc, located!.id, 'u-1');
    setTermLocation(doc, located!.id, ' 5号楼 屋面东侧 ');
    addTerm(doc, blank!.id, 'u-1');
    setTermLocation(doc, blank!.id, '  ');
    const rows = materializeInspectionRows(inspectionToJSON(doc), registry('terms'), NOW);
    const byKey = new Map(rows.findings.map((f) => [findingKey(f), f.location]));
    expect(byKey).toEqual(
      new Map([
        [`term:${located!.id}`, '5号楼 屋面东侧'],
        [`term:${blank!.id}`, null],
      ]),
    );
  });

  it('writes an internal-standard inspection row without findings', () => {
    const rows = materializeInspectionRows(inspectionToJSON(newDoc('internal')), registry('internal'), NOW);
    expect(rows.inspection).toMatchObject({
      method: 'internal',
      total: null,
      status: 'draft',
      comment: '整体良好',
    });
    expect(rows.findings).toEqual([]);
  });

  it('refuses content the engine refuses, naming the sheet in zh-CN', () => {
    const doc = newDoc('jgj59');
    const sheetId = addSheet(doc, { tableId: 'safety_management', label: '项目部' });
    // 扣2～10分 needs chosen points within the range.
    setDeduction(doc, sheetId, {
      itemId: 'safety_management.01',
      ruleId: 'safety_management.01.03',
      points: 12,
    });
    const attempt = () => materializeInspectionRows(inspectionToJSON(doc), registry('jgj59'), NOW);
    expect(attempt).toThrow(InvalidInspectionError);
    expect(attempt).toThrow('“表B.1 安全管理检查评分表（项目部）”中有无效的扣分或缺项记录');
  });

  it('refuses content that claims another project or method than the registry', () => {
    const json = inspectionToJSON(newDoc('jgj59'));
    expect(() => materializeInspectionRows(json, { ...registry('jgj59'), projectId: 'p-2' }, NOW)).toThrow(
      '检查信息与登记记录不符',
    );
    expect(() => materializeInspectionRows(json, registry('dust'), NOW)).toThrow('检查信息与登记记录不符');
  });

  it('is completed exactly when the registry says sealed, and stores 标准化月评 self scores with two decimals', () => {
    const doc = newDoc('jgj59');
    const sealedAt = new Date('2026-03-15T09:00:00Z');
    const unscored = materializeInspectionRows(
      inspectionToJSON(doc),
      { ...registry('jgj59'), sealedAt, sealedHash: 'h' },
      NOW,
    );
    expect(unscored.inspection).toMatchObject({
      status: 'completed',
      sealedAt,
      sealedHash: 'h',
      selfScore: null,
    });
    setSelfScore(doc, 88.5);
    expect(
      materializeInspectionRows(inspectionToJSON(doc), registry('jgj59'), NOW).inspection.selfScore,
    ).toBe('88.50');
  });
});
