import type * as Y from 'yjs';
import { UnknownSheetError } from '../errors.js';
import { deleteKeysWithPrefix } from '../text.js';
import { isCatalogId, newId } from '../values.js';
import { check, transact, type WriteOptions } from '../write-options.js';
import { INSPECTION_LIMITS, ROOTS, key, type Deduction, type Sheet, type SheetFlag } from './schema.js';

/**
 * Writers of JGJ59 / dust sheets (分项检查评分表). Sheets are keyed by their own UUID, and everything inside one by
 * `sheetId|…` keys in root maps (see schema.ts), so two inspectors scoring different items never clash.
 */

/** Starts a sheet for a sub-table; returns its id (a fresh UUID unless given). */
export function addSheet(
  doc: Y.Doc,
  sheet: { tableId: string; label?: string; sheetId?: string },
  options: WriteOptions = {},
): string {
  check(isCatalogId(sheet.tableId), 'tableId', 'invalid catalog id');
  const label = sheet.label ?? '';
  check(label.length <= INSPECTION_LIMITS.maxNameLength, 'label', 'too long');
  const sheetId = sheet.sheetId ?? newId();
  transact(doc, options, (at) => {
    const value: Sheet = { tableId: sheet.tableId, label, createdAt: at };
    doc.getMap(ROOTS.sheets).set(sheetId, value);
  });
  return sheetId;
}

/** Removes a sheet with its flags and deductions. */
export function removeSheet(doc: Y.Doc, sheetId: string, options: WriteOptions = {}): void {
  transact(doc, options, () => {
    doc.getMap(ROOTS.sheets).delete(sheetId);
    clearSheetContent(doc, sheetId);
  });
}

/** 清除当前检查: drops the sheet's deductions, item flags and flags, keeping the sheet itself. */
export function clearSheet(doc: Y.Doc, sheetId: string, options: WriteOptions = {}): void {
  transact(doc, options, () => {
    requireSheet(doc, sheetId);
    clearSheetContent(doc, sheetId);
  });
}

/** Sets a sheet flag: `na` (the whole sub-table is 缺项) or `done` (保存该项 was pressed). */
export function setSheetFlag(
  doc: Y.Doc,
  sheetId: string,
  flag: SheetFlag,
  value: boolean,
  options: WriteOptions = {},
) {
  transact(doc, options, () => {
    requireSheet(doc, sheetId);
    const flags = doc.getMap(ROOTS.sheetFlags);
    if (value) flags.set(key(sheetId, flag), true);
    else flags.delete(key(sheetId, flag));
  });
}

/** Marks one item of a sheet 缺项 (not applicable) or clears the mark. */
export function setItemNotApplicable(
  doc: Y.Doc,
  sheetId: string,
  itemId: string,
  value: boolean,
  options: WriteOptions = {},
): void {
  check(isCatalogId(itemId), 'itemId', 'invalid catalog id');
  transact(doc, options, () => {
    requireSheet(doc, sheetId);
    const flags = doc.getMap(ROOTS.itemFlags);
    if (value) flags.set(key(sheetId, itemId), true);
    else flags.delete(key(sheetId, itemId));
  });
}

/** Chooses a deduction rule on a sheet (or changes its count/points). */
export function setDeduction(
  doc: Y.Doc,
  sheetId: string,
  deduction: { itemId: string; ruleId: string; count?: number; points?: number | null },
  options: WriteOptions = {},
): void {
  const { itemId, ruleId } = deduction;
  check(isCatalogId(itemId), 'itemId', 'invalid catalog id');
  check(isCatalogId(ruleId), 'ruleId', 'invalid catalog id');
  const count = deduction.count ?? 1;
  const points = deduction.points ?? null;
  const { maxDeductionCount, maxDeductionPoints } = INSPECTION_LIMITS;
  check(
    Number.isInteger(count) && count >= 1 && count <= maxDeductionCount,
    'count',
    'must be an integer ≥ 1',
  );
  check(
    points === null || (Number.isFinite(points) && points >= 0 && points <= maxDeductionPoints),
    'points',
    'out of range',
  );
  transact(doc, options, () => {
    requireSheet(doc, sheetId);
    const value: Deduction = { itemId, count, points };
    doc.getMap(ROOTS.deductions).set(key(sheetId, ruleId), value);
  });
}

export function removeDeduction(
  doc: Y.Doc,
  sheetId: string,
  ruleId: string,
  options: WriteOptions = {},
): void {
  transact(doc, options, () => doc.getMap(ROOTS.deductions).delete(key(sheetId, ruleId)));
}

function requireSheet(doc: Y.Doc, sheetId: string): void {
  if (!doc.getMap(ROOTS.sheets).has(sheetId)) throw new UnknownSheetError(sheetId);
}

function clearSheetContent(doc: Y.Doc, sheetId: string): void {
  const prefix = key(sheetId, '');
  deleteKeysWithPrefix(doc.getMap(ROOTS.deductions), prefix);
  deleteKeysWithPrefix(doc.getMap(ROOTS.itemFlags), prefix);
  deleteKeysWithPrefix(doc.getMap(ROOTS.sheetFlags), prefix);
}
