import {
  getDustCatalog,
  getJgj59Catalog,
  type DeductionInput,
  type ItemInput,
  type ScoreInput,
  type ScoringCatalog,
  type SheetInput,
} from '@anguan/standards';
import type { SheetView } from './read.js';
import type { InspectionMeta } from './schema.js';
import type { InspectionJSON } from './to-json.js';

/**
 * The one mapping from an inspection document to the scoring engine's input. The phone's live score and the
 * server's materialized score both go through it, so they cannot disagree.
 *
 * - Every item of a sheet's table is listed: an item without deductions is checked with full marks (the provincial
 *   system has no "unchecked" item).
 * - 缺项 wins: a 缺项 sheet lists no items, a 缺项 item carries no deductions, whatever was deducted on them
 *   (two inspectors may have done both concurrently; the marks stay in the document and count again if the 缺项
 *   mark is cleared).
 * - A deduction keeps its own item id, so a deduction recorded under an item the table does not have reaches the
 *   engine and is refused there (UnknownIdError), never dropped silently.
 */

/**
 * The catalog an inspection scores against: its method's (JGJ59 or dust) at `meta.catalogVersion`, or the latest
 * bundled one when the document names none. Null for unscored methods (terms, internal).
 *
 * @throws UnknownCatalogVersionError when the document names a version that is not bundled.
 */
export function inspectionScoringCatalog(
  meta: Pick<InspectionMeta, 'method' | 'catalogVersion'>,
): ScoringCatalog | null {
  const version = meta.catalogVersion ?? undefined;
  if (meta.method === 'jgj59') return getJgj59Catalog(version);
  if (meta.method === 'dust') return getDustCatalog(version);
  return null;
}

/** The engine input for `json` against `catalog` (see the module comment for the rules). */
export function inspectionScoreInput(json: InspectionJSON, catalog: ScoringCatalog): ScoreInput {
  const tables = new Map(catalog.tables.map((t) => [t.id, t]));
  return {
    catalogVersion: catalog.catalogVersion,
    policy: json.meta?.scoringPolicy ?? 'provincial',
    sheets: json.sheets.map((sheet) => sheetInput(sheet, tables.get(sheet.tableId)?.items ?? [])),
  };
}

function sheetInput(sheet: SheetView, tableItems: ReadonlyArray<{ id: string }>): SheetInput {
  const base = { tableId: sheet.tableId, label: sheet.label };
  if (sheet.notApplicable) return { ...base, notApplicable: true };
  const notApplicable = new Set(sheet.notApplicableItems);
  const items = new Map<string, { notApplicable: boolean; deductions: DeductionInput[] }>();
  for (const item of tableItems) {
    items.set(item.id, { notApplicable: notApplicable.has(item.id), deductions: [] });
  }
  for (const d of sheet.deductions) {
    let item = items.get(d.itemId);
    if (!item) items.set(d.itemId, (item = { notApplicable: false, deductions: [] }));
    if (item.notApplicable) continue;
    const deduction: DeductionInput =
      d.points === null
        ? { ruleId: d.ruleId, occurrences: d.count }
        : { ruleId: d.ruleId, occurrences: d.count, points: d.points };
    item.deductions.push(deduction);
  }
  const inputs: ItemInput[] = [...items].map(([itemId, item]) =>
    item.notApplicable ? { itemId, notApplicable: true } : { itemId, deductions: item.deductions },
  );
  return { ...base, items: inputs };
}

/** Sheets neither saved (保存检查项) nor 缺项: sealing refuses while any is left. */
export function unsavedSheets(json: InspectionJSON): SheetView[] {
  return json.sheets.filter((s) => !s.done && !s.notApplicable);
}

/** `表B.17 塔式起重机检查评分表（1号塔吊）`: how people name a sheet; the catalog's name when known. */
export function sheetDisplayName(
  sheet: Pick<SheetView, 'tableId' | 'label'>,
  catalog: ScoringCatalog | null,
) {
  const table = catalog?.tables.find((t) => t.id === sheet.tableId);
  const name = table ? [table.tableNo, table.name].filter(Boolean).join(' ') : sheet.tableId;
  return sheet.label ? `${name}（${sheet.label}）` : name;
}
