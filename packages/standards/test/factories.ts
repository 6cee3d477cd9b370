/**
 * Input factories for scoring tests. Hand-computed cases list their deductions explicitly; these helpers only
 * save listing every item of a sheet.
 */
import type { CheckItem, DeductionRule, ScoringCatalog } from '../src/catalog/types.js';
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

type Witness = ReadonlyMap<number, readonly DeductionInput[]>;
const reachCache = new WeakMap<CheckItem, Witness>();

/** Every way one rule can deduct (tenths → input), up to the item's points. */
function ruleOptions(rule: DeductionRule, capTenths: number): [number, DeductionInput][] {
  const options: [number, DeductionInput][] = [];
  const [min, max] = (rule.pointsRange ?? [rule.points, rule.points]).map((p) => Math.round(p * 10)) as [
    number,
    number,
  ];
  const maxOccurrences = rule.per ? Math.ceil(capTenths / min) : 1;
  for (let each = min; each <= max; each++) {
    for (let occurrences = 1; occurrences <= maxOccurrences; occurrences++) {
      const input: DeductionInput = {
        ruleId: rule.id,
        ...(rule.pointsRange ? { points: each / 10 } : {}),
        ...(occurrences > 1 ? { occurrences } : {}),
      };
      options.push([Math.min(capTenths, each * occurrences), input]);
    }
  }
  return options;
}

/** Reachable item deductions (tenths, capped at the item's points) with one witness each. */
function itemReach(item: CheckItem): Witness {
  const cached = reachCache.get(item);
  if (cached) return cached;
  const cap = Math.round(item.points * 10);
  let reach = new Map<number, readonly DeductionInput[]>([[0, []]]);
  for (const rule of item.deductions) {
    const next = new Map(reach);
    for (const [total, inputs] of reach) {
      for (const [amount, input] of ruleOptions(rule, cap)) {
        const sum = Math.min(cap, total + amount);
        if (!next.has(sum)) next.set(sum, [...inputs, input]);
      }
    }
    reach = next;
  }
  reachCache.set(item, reach);
  return reach;
}

/**
 * A fully checked sheet of `tableId` that scores exactly `score` (whole tenths). Deductions are taken from the
 * 一般项目 only (any item on tables without the split), so the guaranteed-items rule never triggers.
 */
export function sheetScoring(
  catalog: ScoringCatalog,
  tableId: string,
  score: number,
  label?: string,
): SheetInput {
  const table = catalog.tables.find((t) => t.id === tableId);
  if (!table) throw new Error(`No table ${tableId}`);
  const target = Math.round((100 - score) * 10);
  let reach = new Map<number, Record<string, readonly DeductionInput[]>>([[0, {}]]);
  for (const item of table.items.filter((i) => i.group !== '保证项目')) {
    const next = new Map(reach);
    for (const [total, chosen] of reach) {
      for (const [amount, inputs] of itemReach(item)) {
        const sum = total + amount;
        if (amount > 0 && sum <= target && !next.has(sum)) next.set(sum, { ...chosen, [item.id]: inputs });
      }
    }
    reach = next;
  }
  const deductions = reach.get(target);
  if (!deductions) throw new Error(`Cannot build ${tableId} scoring ${score}`);
  return checkedSheet(catalog, tableId, deductions, label === undefined ? {} : { label });
}
