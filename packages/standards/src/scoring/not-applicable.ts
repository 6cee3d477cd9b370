/**
 * What 缺项 did to a result, so the UI and exports can say so (a sheet at full marks nobody inspected is easy to
 * miss in a total).
 *
 * @internal
 * @module
 */
import type { ScoringCatalog } from '../catalog/types.js';
import type { MissingItemPolicy, NotApplicableReport, SheetResult } from './types.js';

/** Collects the 缺项 sheets and the 缺项 保证项目 of scored sheets, with zh-CN sentences. */
export function notApplicableReport(
  catalog: ScoringCatalog,
  sheets: readonly SheetResult[],
  policy: MissingItemPolicy,
): NotApplicableReport {
  const names = new Map(catalog.tables.map((t) => [t.id, [t.tableNo, t.name].filter(Boolean).join(' ')]));
  const sheetName = (s: SheetResult) => {
    const name = names.get(s.tableId) ?? s.tableId;
    return s.label ? `${name}（${s.label}）` : name;
  };
  const naSheets = sheets.filter((s) => s.status === 'not_applicable');
  const guaranteedItems = sheets
    .filter((s) => s.status !== 'not_applicable')
    .flatMap((s) =>
      s.items
        .filter((i) => i.group === '保证项目' && i.status === 'not_applicable')
        .map((i) => ({ sheetIndex: s.index, itemId: i.itemId, name: i.name, sheetName: sheetName(s) })),
    );
  const provincial = policy === 'provincial';
  const messages = [
    ...naSheets.map(
      (s) => `${sheetName(s)}为缺项，${provincial ? '按满分（100分）计入汇总' : '不计入汇总，按实得分折算'}`,
    ),
    ...guaranteedItems.map(
      (i) =>
        `${i.sheetName}的保证项目“${i.name}”为缺项，${provincial ? '按满分计' : '不计分，保证项目小计下限按比例折算'}`,
    ),
  ];
  return {
    sheetsAtFullMarks: provincial ? naSheets.map((s) => s.index) : [],
    sheetsLeftOut: provincial ? [] : naSheets.map((s) => s.index),
    guaranteedItems: guaranteedItems.map(({ sheetIndex, itemId, name }) => ({ sheetIndex, itemId, name })),
    messages,
  };
}
