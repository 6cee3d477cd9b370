/**
 * The sheets of an inspection document, kept current one sheet at a time: a tap re-reads the sheet it changed, and
 * every unchanged sheet, deduction and 缺项 list keeps its object, so the views built on them (scores, item cards,
 * the sub-table list) can tell by identity that nothing changed. No Svelte here: unit-tested beside.
 *
 * @module
 */
import type * as Y from 'yjs';
import { readSheet, readSheets, type InspectionPartsChange, type SheetView } from '@anguan/model';
import { tableState, type TableState } from './sheet-model';

export class SheetStore {
  readonly #views = new Map<string, SheetView>();
  #sorted: SheetView[] = [];

  constructor(private readonly doc: Y.Doc) {
    for (const view of readSheets(doc)) this.#views.set(view.sheetId, view);
    this.#sorted = sortSheets([...this.#views.values()]);
  }

  /** All sheets, oldest first (as `readSheets`); the same array until a sheet changes. */
  get sheets(): readonly SheetView[] {
    return this.#sorted;
  }

  /** Re-reads the sheets `change` names; true when any of them really changed. */
  apply(change: Pick<InspectionPartsChange, 'sheetIds'>): boolean {
    let changed = false;
    for (const sheetId of change.sheetIds) {
      const before = this.#views.get(sheetId);
      const read = readSheet(this.doc, sheetId);
      const after = read && before ? shareUnchanged(before, read) : read;
      if (after === before) continue;
      changed = true;
      if (after) this.#views.set(sheetId, after);
      else this.#views.delete(sheetId);
    }
    if (changed) this.#sorted = sortSheets([...this.#views.values()]);
    return changed;
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortSheets(views: SheetView[]): SheetView[] {
  return views.sort((a, b) => cmp(a.createdAt, b.createdAt) || cmp(a.sheetId, b.sheetId));
}

/** `next`, reusing `before` and its parts wherever they are equal (structural sharing). */
export function shareUnchanged(before: SheetView, next: SheetView): SheetView {
  const previous = new Map(before.deductions.map((d) => [d.ruleId, d]));
  const deductions = next.deductions.map((d) => {
    const old = previous.get(d.ruleId);
    return old && old.itemId === d.itemId && old.count === d.count && old.points === d.points ? old : d;
  });
  const shared: SheetView = {
    ...next,
    deductions: sameItems(before.deductions, deductions) ? before.deductions : deductions,
    notApplicableItems: sameItems(before.notApplicableItems, next.notApplicableItems)
      ? before.notApplicableItems
      : next.notApplicableItems,
  };
  const keys = Object.keys(shared) as (keyof SheetView)[];
  const same = keys.length === Object.keys(before).length && keys.every((k) => shared[k] === before[k]);
  return same ? before : shared;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Lookup by key; a snapshot, rebuilt (not mutated) when its source changes. */
export function indexBy<T, K>(values: readonly T[], keyOf: (value: T) => K): ReadonlyMap<K, T> {
  return new Map(values.map((value) => [keyOf(value), value]));
}

/**
 * Sheets by table, oldest first. A table whose sheets are the same objects as in `last` keeps its array, so its
 * row in the sub-table list does not re-render.
 */
export function groupByTable<S extends SheetView>(
  sheets: readonly S[],
  last: ReadonlyMap<string, readonly S[]>,
): ReadonlyMap<string, readonly S[]> {
  const grouped = new Map<string, S[]>();
  for (const sheet of sheets) grouped.set(sheet.tableId, [...(grouped.get(sheet.tableId) ?? []), sheet]);
  const shared = new Map<string, readonly S[]>();
  for (const [tableId, group] of grouped) {
    const before = last.get(tableId);
    shared.set(tableId, before && sameItems(before, group) ? before : group);
  }
  return shared;
}

/** What a sheet was last scored from and what it scored. */
export interface ScoredSheet<R> {
  readonly view: SheetView;
  readonly policy: string;
  readonly result: R;
}

/**
 * Each sheet's result from a whole-inspection score (`results[i]` belongs to `sheets[i]`). A sheet whose view and
 * policy are those of `last` keeps its previous result object.
 */
export function shareResults<R>(
  sheets: readonly SheetView[],
  results: readonly R[] | null,
  policy: string,
  last: ReadonlyMap<string, ScoredSheet<R>>,
): ReadonlyMap<string, ScoredSheet<R>> {
  const shared = new Map<string, ScoredSheet<R>>();
  sheets.forEach((view, index) => {
    const fresh = results?.[index];
    if (fresh === undefined) return;
    const before = last.get(view.sheetId);
    const kept = before && before.view === view && before.policy === policy ? before : { view, policy, result: fresh };
    shared.set(view.sheetId, kept);
  });
  return shared;
}

/** An empty lookup to start from. */
export function emptyMap<K, V>(): ReadonlyMap<K, V> {
  return new Map<K, V>();
}

/** Each table's state in the list (未查 / 检查中 / 已保存 / 缺项), from its sheets. */
export function statesByTable(byTable: ReadonlyMap<string, readonly SheetView[]>): ReadonlyMap<string, TableState> {
  return new Map([...byTable].map(([tableId, sheets]) => [tableId, tableState(sheets)]));
}
