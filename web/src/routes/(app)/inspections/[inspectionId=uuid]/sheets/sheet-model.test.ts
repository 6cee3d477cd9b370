import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addSheet, createInspection, readMeta, readSheets, setDeduction, setItemNotApplicable, setSheetFlag } from '@anguan/model';
import { formatScore, getJgj59Catalog } from '@anguan/standards';
import { allowedPoints, firstSheetId, scoreSheets, tableState } from './sheet-model';

const INSPECTION = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';

function newDoc() {
  const doc = new Y.Doc();
  createInspection(doc, { projectId: 'p1', origin: 'enterprise', method: 'jgj59', date: '2026-11-30', createdBy: 'u1' });
  return doc;
}

describe('the sheet page model', () => {
  it('gives every device the same valid UUID for a table’s first sheet, different per table and inspection', () => {
    const id = firstSheetId(INSPECTION, 'tower_crane');
    expect(id).toBe(firstSheetId(INSPECTION, 'tower_crane'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(firstSheetId(INSPECTION, 'safety_management')).not.toBe(id);
    expect(firstSheetId('1b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', 'tower_crane')).not.toBe(id);
  });

  it('scores a started sheet with every item checked, so one 10-point deduction leaves 90', () => {
    const doc = newDoc();
    const sheetId = addSheet(doc, { tableId: 'tower_crane' });
    setDeduction(doc, sheetId, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.01' });
    const scored = scoreSheets('jgj59', getJgj59Catalog(), readMeta(doc), readSheets(doc));
    expect(scored.error).toBeNull();
    const sheet = scored.result?.sheets[0];
    expect(formatScore(sheet!.score!)).toBe('0.00');
    expect(sheet?.zeroReasons[0]?.code).toBe('guaranteed_item_zero');
  });

  it('reports a zh-CN error instead of throwing when a peer wrote points the rule does not allow', () => {
    const doc = newDoc();
    const sheetId = addSheet(doc, { tableId: 'safety_management' });
    setDeduction(doc, sheetId, { itemId: 'safety_management.01', ruleId: 'safety_management.01.01', points: 99 });
    const scored = scoreSheets('jgj59', getJgj59Catalog(), readMeta(doc), readSheets(doc));
    expect(scored.result).toBeNull();
    expect(scored.error).toContain('无法计分');
  });

  it('names a table 未查, 检查中, 已保存 or 缺项 from its sheets', () => {
    const doc = newDoc();
    expect(tableState(readSheets(doc))).toBe('未查');
    const a = addSheet(doc, { tableId: 'tower_crane', label: '1号' });
    const b = addSheet(doc, { tableId: 'tower_crane', label: '2号' });
    setItemNotApplicable(doc, a, 'tower_crane.02', true);
    expect(tableState(readSheets(doc))).toBe('检查中');
    setSheetFlag(doc, a, 'done', true);
    expect(tableState(readSheets(doc))).toBe('检查中');
    setSheetFlag(doc, b, 'na', true);
    expect(tableState(readSheets(doc))).toBe('已保存');
    setSheetFlag(doc, a, 'na', true);
    expect(tableState(readSheets(doc))).toBe('缺项');
  });

  it('offers exactly the whole points of a 扣a～b分 range, ends included', () => {
    const rule = { points: 10, pointsRange: [5, 10] as const } as Parameters<typeof allowedPoints>[0];
    expect(allowedPoints(rule)).toEqual([5, 6, 7, 8, 9, 10]);
    const half = { points: 3, pointsRange: [0.5, 3] as const } as Parameters<typeof allowedPoints>[0];
    expect(allowedPoints(half)).toEqual([0.5, 1, 2, 3]);
  });
});
