/**
 * Input factories for scoring tests. Hand-computed cases list their deductions explicitly; these helpers only
 * save listing every item of a sheet.
 */
import type { DeductionRule, ScoringCatalog } from '../src/catalog/types.js';
import type { DeductionInput, ItemInput, SheetInput } from '../src/scoring/types.js';

/** Deductions keyed by item id (`<table>.<nn>`). */
export type DeductionsByItem = Readonly<Record<string, readonly DeductionInput[]>>;

/** Options of {@link checkedSheet}. */
export interface CheckedSheetOptions {
  readonly label?: string;
  /** Item ids marked 缺项. */
  readonly notApplicable?: readonly string[];
  /** Item ids left out of the input (unchecked). */
  readonly unchecked?: readonly string[];
}

/** A sheet listing every item of `tableId` as checked, with the given deductions. */
export function checkedSheet(
  catalog: ScoringCatalog,
  tableId: string,
  deductions: DeductionsByItem = {},
  options: CheckedSheetOptions = {},
): SheetInput {
  const table = catalog.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`No table ${tableId}`);
  for (const id of Object.keys(deductions)) {
    if (!table.items.some((i) => i.id === id)) throw new Error(`No item ${id} in ${tableId}`);
  }
  const items: ItemInput[] = table.items
    .filter((item) => !options.unchecked?.includes(item.id))
    .map((item) =>
      options.notApplicable?.includes(item.id)
        ? { itemId: item.id, notApplicable: true }
        : { itemId: item.id, deductions: deductions[item.id] ?? [] },
    );
  return { tableId, items, ...(options.label === undefined ? {} : { label: options.label }) };
}

/**
 * A fully checked sheet of `tableId` that scores exactly `score` (whole tenths), built by deducting from the
 * 一般项目 (or any item on tables without the split) so the guaranteed-items rule is never triggered.
 */
export function sheetScoring(
  catalog: ScoringCatalog,
  tableId: string,
  score: number,
  label?: string,
): SheetInput {
  const table = catalog.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`No table ${tableId}`);
  let remaining = Math.round((100 - score) * 10);
  const deductions: Record<string, DeductionInput[]> = {};
  for (const item of table.items.filter((i) => i.group !== '保证项目')) {
    let room = Math.round(item.points * 10);
    // Flexible rows first: ranges take any tenth in [min, max], 每处 rows any multiple of their points.
    const rank = (r: DeductionRule) => (r.pointsRange ? 0 : r.per ? 1 : 2);
    for (const rule of [...item.deductions].sort((a, b) => rank(a) - rank(b))) {
      const each = Math.round(rule.points * 10);
      const budget = Math.min(remaining, room);
      let take = 0;
      let input: DeductionInput | null = null;
      if (rule.pointsRange) {
        // Leave either nothing or at least 5 points, which a later range row can take.
        take = Math.min(budget, each);
        if (remaining - take > 0 && remaining - take < 50) take = remaining - 50;
        if (take >= Math.round(rule.pointsRange[0] * 10)) input = { ruleId: rule.id, points: take / 10 };
      } else if (rule.per) {
        const occurrences = Math.floor(budget / each);
        take = occurrences * each;
        if (occurrences > 0) input = { ruleId: rule.id, occurrences };
      } else if (each <= budget) {
        take = each;
        input = { ruleId: rule.id };
      }
      if (!input) continue;
      (deductions[item.id] ??= []).push(input);
      remaining -= take;
      room -= take;
    }
  }
  if (remaining !== 0) throw new Error(`Cannot build ${tableId} scoring ${score}`);
  return checkedSheet(catalog, tableId, deductions, label === undefined ? {} : { label });
}
