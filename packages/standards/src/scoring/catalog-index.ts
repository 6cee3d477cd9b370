/**
 * Id lookups over a scoring catalog, built once per catalog object.
 *
 * @internal
 * @module
 */
import type { CheckItem, DeductionRule, ScoreTable, ScoringCatalog } from '../catalog/types.js';

/** An item with its rules by id. */
export interface ItemEntry {
  readonly item: CheckItem;
  readonly rules: ReadonlyMap<string, DeductionRule>;
}

/** Lookups for one table. */
export interface TableIndex {
  readonly table: ScoreTable;
  readonly items: ReadonlyMap<string, ItemEntry>;
}

const cache = new WeakMap<ScoringCatalog, ReadonlyMap<string, TableIndex>>();

/** Table id → table, item and rule lookups. */
export function indexCatalog(catalog: ScoringCatalog): ReadonlyMap<string, TableIndex> {
  const cached = cache.get(catalog);
  if (cached) return cached;
  const index = new Map<string, TableIndex>();
  for (const table of catalog.tables) {
    const items = new Map(
      table.items.map(
        (item) => [item.id, { item, rules: new Map(item.deductions.map((r) => [r.id, r])) }] as const,
      ),
    );
    index.set(table.id, { table, items });
  }
  cache.set(catalog, index);
  return index;
}
