import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSheet,
  clearSheet,
  createInspection,
  observeInspectionParts,
  readSheets,
  removeDeduction,
  setDeduction,
  setItemNotApplicable,
  setSheetFlag,
} from '@anguan/model';
import { groupByTable, shareResults, SheetStore, emptyMap } from './sheet-store';

function inspection() {
  const doc = new Y.Doc();
  createInspection(doc, {
    projectId: '0b9a4a56-6a43-4c8e-9d3c-0c1f1d1d7a11',
    origin: 'enterprise',
    method: 'jgj59',
    date: '2026-11-30',
    createdBy: 'u1',
  });
  const store = new SheetStore(doc);
  observeInspectionParts(doc, (change) => store.apply(change));
  return { doc, store };
}

describe('SheetStore', () => {
  it('always holds what readSheets reads, through adds, deductions, flags, clears and remote updates', () => {
    const { doc, store } = inspection();
    const a = addSheet(doc, { tableId: 'safety_management' });
    const b = addSheet(doc, { tableId: 'tower_crane', label: '1号' });
    setDeduction(doc, a, { itemId: 'safety_management.01', ruleId: 'safety_management.01.01', points: null });
    setItemNotApplicable(doc, b, 'tower_crane.02', true);
    setSheetFlag(doc, a, 'done', true);
    expect(store.sheets).toEqual(readSheets(doc));

    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    setDeduction(remote, b, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.02', count: 2, points: null });
    clearSheet(remote, a);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote));
    expect(store.sheets).toEqual(readSheets(doc));
  });

  it('keeps the objects of sheets and deductions a change did not touch', () => {
    const { doc, store } = inspection();
    const a = addSheet(doc, { tableId: 'safety_management' });
    const b = addSheet(doc, { tableId: 'tower_crane' });
    setDeduction(doc, a, { itemId: 'safety_management.01', ruleId: 'safety_management.01.01', points: null });
    // Sheets made in one millisecond sort by their random ids: look them up by id.
    const byId = (id: string) => store.sheets.find((s) => s.sheetId === id);
    const [sheetA, sheetB] = [byId(a), byId(b)];
    const kept = sheetA!.deductions[0];

    setDeduction(doc, a, { itemId: 'safety_management.02', ruleId: 'safety_management.02.01', points: null });
    expect(byId(b)).toBe(sheetB);
    expect(byId(a)).not.toBe(sheetA);
    expect(byId(a)!.deductions).toContain(kept);

    const before = store.sheets;
    setSheetFlag(doc, b, 'done', false); // already false in effect: nothing to re-render
    expect(store.sheets).toBe(before);
    expect(byId(b)).toBe(sheetB);
    removeDeduction(doc, a, 'safety_management.02.01');
    expect(byId(a)!.deductions).toEqual([kept]);
    expect(store.sheets).not.toBe(before);
  });
});

describe('groupByTable and shareResults', () => {
  it('keep the group and the result of a table whose sheets did not change, and renew the changed one', () => {
    const { doc, store } = inspection();
    const a = addSheet(doc, { tableId: 'safety_management' });
    const b = addSheet(doc, { tableId: 'tower_crane' });
    const ofA = () => store.sheets.map((s) => (s.sheetId === a ? 'A' : 'B'));
    const named = (tag: string) => ofA().map((which) => `${which}${tag}`);
    const groups = groupByTable(store.sheets, emptyMap());
    const results = shareResults(store.sheets, named('1'), 'provincial', emptyMap());
    expect(groups.get('tower_crane')).toEqual([store.sheets.find((s) => s.sheetId === b)]);

    setDeduction(doc, a, { itemId: 'safety_management.01', ruleId: 'safety_management.01.01', points: null });
    const regrouped = groupByTable(store.sheets, groups);
    expect(regrouped.get('tower_crane')).toBe(groups.get('tower_crane'));
    expect(regrouped.get('safety_management')).not.toBe(groups.get('safety_management'));
    const rescored = shareResults(store.sheets, named('2'), 'provincial', results);
    expect([rescored.get(a)?.result, rescored.get(b)?.result]).toEqual(['A2', 'B1']);
    // Another policy scores every sheet anew.
    const strict = shareResults(store.sheets, named('3'), 'strict', rescored);
    expect([strict.get(a)?.result, strict.get(b)?.result]).toEqual(['A3', 'B3']);
  });
});
