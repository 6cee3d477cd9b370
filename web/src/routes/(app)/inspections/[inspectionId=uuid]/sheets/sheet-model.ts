/**
 * The pure part of the sheet page: which catalog an inspection uses, the scoring input built from the document's
 * sheets, each sub-table's state, and the id of a table's first sheet. No Svelte, no Yjs: unit-tested beside.
 *
 * @module
 */
import { inspectionScoreInput, type InspectionJSON, type InspectionMeta, type SheetView } from '@anguan/model';
import {
  getDustCatalog,
  getJgj59Catalog,
  scoreDust,
  scoreJgj59,
  type DeductionRule,
  type ScoreResult,
  type ScoringCatalog,
} from '@anguan/standards';

export type SheetKind = 'jgj59' | 'dust';

/** The catalog an inspection scores with: the version the doc records, else the latest bundled. */
export function catalogFor(kind: SheetKind, version: string | null): ScoringCatalog {
  const pick = kind === 'jgj59' ? getJgj59Catalog : getDustCatalog;
  try {
    return pick(version ?? undefined);
  } catch {
    return pick();
  }
}

/**
 * Scores the sheets with the engine and the doc → input mapping the server's materializer uses
 * (`inspectionScoreInput`), so the live figure is the one the server will store. Null with a zh-CN reason when the
 * doc holds something the engine refuses (e.g. a peer's points outside 扣a～b分).
 */
export function scoreSheets(
  kind: SheetKind,
  catalog: ScoringCatalog,
  meta: InspectionMeta | null,
  sheets: readonly SheetView[],
): { result: ScoreResult; error: null } | { result: null; error: string } {
  // The mapping reads only `meta` and `sheets` of the JSON; reading the rest on every tap would be wasted work.
  const json = { meta, sheets } as Pick<InspectionJSON, 'meta' | 'sheets'> as InspectionJSON;
  try {
    const input = inspectionScoreInput(json, catalog);
    return { result: kind === 'jgj59' ? scoreJgj59(input) : scoreDust(input), error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { result: null, error: `本检查中有无法计分的内容（${message}），请检查最近的扣分` };
  }
}

/** The values a 扣a～b分 row allows, in whole points (whole tenths are rare on the printed tables). */
export function allowedPoints(rule: DeductionRule): number[] {
  if (!rule.pointsRange) return [rule.points];
  const [min, max] = rule.pointsRange;
  const values: number[] = [];
  for (let v = Math.ceil(min); v <= Math.floor(max); v++) values.push(v);
  if (values[0] !== min) values.unshift(min);
  if (values.at(-1) !== max) values.push(max);
  return values;
}

/** 未查 / 检查中 / 已保存 / 缺项 of a sub-table, from its sheets in the doc. */
export type TableState = '未查' | '检查中' | '已保存' | '缺项';

export function tableState(sheets: readonly SheetView[]): TableState {
  if (sheets.length === 0) return '未查';
  if (sheets.every((s) => s.notApplicable)) return '缺项';
  if (sheets.every((s) => s.done || s.notApplicable)) return '已保存';
  return '检查中';
}

/**
 * The id of a table's first sheet, the same on every device: two inspectors who start the same sub-table offline
 * then write the same key, and end with one sheet instead of two. A UUID v8 (custom) from an FNV-1a hash.
 */
export function firstSheetId(inspectionId: string, tableId: string): string {
  const text = `${inspectionId}|${tableId}|1`;
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    hex += hash.toString(16).padStart(8, '0');
  }
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** zh-CN words for a table's certainty, or null when every row was confirmed. */
export function certaintyLabel(catalog: ScoringCatalog, status: string): string | null {
  if (catalog.provenance.notFromStandard) return '安管自编检查表（参照 DGJ32/J 203-2016，非该标准原表）';
  switch (status) {
    case 'confirmed':
      return null;
    case 'recalled':
      return '本表依记忆整理，未与标准原文核对';
    case 'mostly_confirmed':
    case 'partly_confirmed':
      return '本表部分条文未与标准原文核对';
    default:
      return '本表内容待核对';
  }
}
