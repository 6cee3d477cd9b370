import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getJgj59Catalog, scoreJgj59 } from '@anguan/standards';
import { inspectionDoc } from '../../test/factories.js';
import { InvalidValueError } from '../errors.js';
import { readMeta } from './read.js';
import { META_KEYS, ROOTS } from './schema.js';
import { inspectionScoreInput, inspectionScoringCatalog, sheetDisplayName } from './score-input.js';
import { inspectionToJSON } from './to-json.js';
import { checkInspectionReadyToSeal, validateInspection } from './validate.js';
import { setComment, setInspector } from './write.js';
import { addSheet, setDeduction, setItemNotApplicable, setSheetFlag } from './write-sheets.js';

const V1 = 'jgj59-2011@1';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('scoring policy', () => {
  it('is provincial unless the creator chose strict, and reads back as created', () => {
    expect(readMeta(inspectionDoc({ catalogVersion: V1 }))?.scoringPolicy).toBe('provincial');
    expect(readMeta(inspectionDoc({ scoringPolicy: 'strict' }))?.scoringPolicy).toBe('strict');
  });

  it('counts as provincial on documents written before the key existed', () => {
    const doc = inspectionDoc();
    doc.getMap(ROOTS.meta).delete(META_KEYS.scoringPolicy);
    expect(readMeta(doc)?.scoringPolicy).toBe('provincial');
    expect(validateInspection(doc)).toEqual([]);
  });

  it('refuses an unknown policy at creation and reports one found in a document', () => {
    expect(() => inspectionDoc({ scoringPolicy: 'lenient' as never })).toThrow(InvalidValueError);
    const doc = inspectionDoc();
    doc.getMap(ROOTS.meta).set(META_KEYS.scoringPolicy, 'lenient');
    expect(readMeta(doc)).toBeNull();
    expect(validateInspection(doc).map((i) => i.path)).toContain('meta.scoringPolicy');
  });

  it('reaches the engine input', () => {
    const json = inspectionToJSON(inspectionDoc({ scoringPolicy: 'strict', catalogVersion: V1 }));
    expect(inspectionScoreInput(json, getJgj59Catalog()).policy).toBe('strict');
  });
});

describe('concurrent deductions of the same rule', () => {
  it('converge on the value of the peer with the higher client id, whatever the arrival order', () => {
    for (const order of ['ab', 'ba'] as const) {
      const a = inspectionDoc({ catalogVersion: V1 }, 1);
      const b = new Y.Doc();
      b.clientID = 2;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      const sheetId = addSheet(a, { tableId: 'safety_management', sheetId: 'sheet-1' });
      sync(a, b);
      // Both inspectors deduct 扣2～10分 on the same rule while neither sees the other.
      setDeduction(a, sheetId, {
        itemId: 'safety_management.01',
        ruleId: 'safety_management.01.03',
        points: 4,
      });
      setDeduction(b, sheetId, {
        itemId: 'safety_management.01',
        ruleId: 'safety_management.01.03',
        points: 8,
      });
      if (order === 'ab') sync(a, b);
      else sync(b, a);
      const deductionsOf = (doc: Y.Doc) => inspectionToJSON(doc).sheets[0]!.deductions;
      expect(deductionsOf(a)).toEqual(deductionsOf(b));
      expect(deductionsOf(a)).toEqual([
        { ruleId: 'safety_management.01.03', itemId: 'safety_management.01', count: 1, points: 8 },
      ]);
    }
  });
});

describe('inspectionScoreInput', () => {
  it('lists every item of the table, and 缺项 wins over a deduction on the same item', () => {
    const doc = inspectionDoc({ catalogVersion: V1 });
    const sheetId = addSheet(doc, { tableId: 'safety_management', label: '项目部' });
    setDeduction(doc, sheetId, {
      itemId: 'safety_management.01',
      ruleId: 'safety_management.01.03',
      points: 4,
    });
    setDeduction(doc, sheetId, { itemId: 'safety_management.07', ruleId: 'safety_management.07.01' });
    setItemNotApplicable(doc, sheetId, 'safety_management.07', true);
    const input = inspectionScoreInput(inspectionToJSON(doc), getJgj59Catalog());
    const items = input.sheets[0]!.items!;
    expect(items).toHaveLength(10);
    expect(items[0]).toEqual({
      itemId: 'safety_management.01',
      deductions: [{ ruleId: 'safety_management.01.03', occurrences: 1, points: 4 }],
    });
    expect(items.find((i) => i.itemId === 'safety_management.07')).toEqual({
      itemId: 'safety_management.07',
      notApplicable: true,
    });
    // 10 − 4 on a 10-point item, the 缺项 item at full marks (provincial): 96.
    expect(scoreJgj59(input).sheets[0]!.score?.exact).toBe('96');
  });

  it('keeps a deduction under an item its table lacks, so the engine refuses it', () => {
    const doc = inspectionDoc({ catalogVersion: V1 });
    const sheetId = addSheet(doc, { tableId: 'safety_management' });
    setDeduction(doc, sheetId, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.01' });
    const input = inspectionScoreInput(inspectionToJSON(doc), getJgj59Catalog());
    expect(() => scoreJgj59(input)).toThrow(/tower_crane\.01/);
  });

  it('picks the method catalog, refusing a version that is not bundled', () => {
    expect(inspectionScoringCatalog({ method: 'dust', catalogVersion: null })?.kind).toBe('dust');
    expect(inspectionScoringCatalog({ method: 'terms', catalogVersion: null })).toBeNull();
    expect(() => inspectionScoringCatalog({ method: 'jgj59', catalogVersion: 'JGJ59-1999' })).toThrow();
  });
});

describe('ready to seal', () => {
  it('names the sheets neither saved nor 缺项', () => {
    const doc = inspectionDoc({ catalogVersion: V1 });
    setInspector(doc, { userId: 'u-1', name: '张三' });
    setComment(doc, '整体良好');
    const saved = addSheet(doc, { tableId: 'safety_management' });
    addSheet(doc, { tableId: 'tower_crane', label: '1号塔吊' });
    const na = addSheet(doc, { tableId: 'scaffold_cantilever' });
    setSheetFlag(doc, saved, 'done', true);
    setSheetFlag(doc, na, 'na', true);
    const issues = checkInspectionReadyToSeal(inspectionToJSON(doc));
    expect(issues).toEqual([
      {
        path: 'sheets',
        code: 'unsaved_sheets',
        message: '以下分项检查表尚未保存：表B.17 塔式起重机检查评分表（1号塔吊）',
      },
    ]);
    expect(sheetDisplayName({ tableId: 'x', label: '' }, null)).toBe('x');
  });
});
