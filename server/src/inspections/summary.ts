import { INSPECTION_METHOD_LABELS, INSPECTION_ORIGIN_LABELS, inspectionScoringCatalog } from '@anguan/model';
import {
  formatScore,
  scoreInspection,
  type DeductionInput,
  type ItemInput,
  type ScoreResult,
  type ScoringCatalog,
  type SheetInput,
} from '@anguan/standards';
import type { DocumentProject } from '../documents/queries.js';
import type { FindingRecord, InspectionRecord, SheetRecord } from './queries.js';
import { toInspectionView, type InspectionView } from './service.js';
import type { DocumentRow } from '../documents/queries.js';

/**
 * The 汇总表 and its 表B sheets as the print view and the xlsx render them, rebuilt from the materialized rows
 * (sheets, deductions, 缺项) and rescored with the catalog version the rows name: the rows are the truth, and the
 * same engine gives the same figures as the materializer stored.
 */

export const POLICY_NOTES = {
  provincial: '评分口径：省平台口径，缺项（检查项目或分项检查表）按满分计',
  strict: '评分口径：JGJ 59-2011 严格口径，缺项不计分，按实得分折算（A2 = D / E × 100）',
} as const;

export interface SummaryDeduction {
  ruleId: string;
  text: string;
  raw: string;
  per: string | null;
  occurrences: number;
  pointsEach: number;
  deducted: number;
  uncertain: boolean;
  note: string | null;
}

export interface SummaryItem {
  itemId: string;
  no: number;
  name: string;
  group: string | null;
  points: number;
  status: string;
  deducted: number;
  score: number | null;
  capped: boolean;
  uncertain: boolean;
  note: string | null;
  deductions: SummaryDeduction[];
}

export interface SummarySheet {
  sheetId: string;
  tableId: string;
  tableNo: string | null;
  tableName: string;
  label: string;
  saved: boolean;
  notApplicable: boolean;
  status: string;
  score: string | null;
  actual: number;
  applicable: number;
  verification: { status: string; uncertain: boolean; note: string | null };
  fullMarksThroughNotApplicable: boolean;
  notes: string[];
  items: SummaryItem[];
}

export interface InspectionSummary {
  inspection: InspectionView;
  project: { id: string; name: string; filingNumber: string; constructorName: string };
  originLabel: string;
  methodLabel: string;
  date: string;
  inspectors: Array<{ userId: string | null; name: string }>;
  comment: string;
  policy: 'provincial' | 'strict';
  policyNote: string;
  catalog: {
    kind: 'jgj59' | 'dust';
    version: string;
    standardCode: string;
    standardName: string;
    notFromStandard: boolean;
    certaintyNotes: string[];
  };
  categories: Array<{
    categoryId: string;
    name: string;
    weight: number;
    score: string | null;
    weighted: string | null;
    sheetIds: string[];
  }>;
  sheets: SummarySheet[];
  total: string | null;
  totalExact: string | null;
  converted: boolean;
  grade: string | null;
  gradeMessage: string | null;
  fullMarksThroughNotApplicable: Array<{ sheetId: string; label: string }>;
  guaranteedItemsNotApplicable: Array<{ sheetId: string; itemId: string; name: string }>;
  notApplicableMessages: string[];
  warnings: Array<{ code: string; message: string; clause: string | null }>;
}

/** Rebuilds the engine input from the rows: every item listed, 缺项 and deductions as the materializer stored them. */
export function inputFromRows(
  catalog: ScoringCatalog,
  row: InspectionRecord,
  sheets: readonly SheetRecord[],
  findings: readonly FindingRecord[],
) {
  const tables = new Map(catalog.tables.map((t) => [t.id, t]));
  const sheetInputs: SheetInput[] = sheets.map((sheet) => {
    if (sheet.notApplicable) return { tableId: sheet.tableId, label: sheet.label, notApplicable: true };
    const own = findings.filter((f) => f.sheetId === sheet.sheetId);
    const items: ItemInput[] = (tables.get(sheet.tableId)?.items ?? []).map((item) => {
      if (own.some((f) => f.kind === 'na_item' && f.itemId === item.id)) {
        return { itemId: item.id, notApplicable: true };
      }
      const deductions: DeductionInput[] = own
        .filter((f) => f.kind === 'deduction' && f.itemId === item.id)
        .map((f) => {
          const rule = item.deductions.find((r) => r.id === f.ruleId);
          const occurrences = f.occurrences ?? 1;
          // Stored totals are each × occurrences in whole tenths, so the division is exact to a tenth.
          const each = Math.round((Number(f.points) * 10) / occurrences) / 10;
          return rule?.pointsRange
            ? { ruleId: f.ruleId!, occurrences, points: each }
            : { ruleId: f.ruleId!, occurrences };
        });
      return { itemId: item.id, deductions };
    });
    return { tableId: sheet.tableId, label: sheet.label, items };
  });
  return { catalogVersion: catalog.catalogVersion, policy: row.policy ?? 'provincial', sheets: sheetInputs };
}

/** The summary of a scored inspection, or null for unscored methods. */
export function buildSummary(
  doc: DocumentRow,
  project: DocumentProject,
  row: InspectionRecord,
  sheets: readonly SheetRecord[],
  findings: readonly FindingRecord[],
): InspectionSummary | null {
  const catalog = inspectionScoringCatalog({ method: row.method, catalogVersion: row.catalogVersion });
  if (!catalog) return null;
  const result = scoreInspection(catalog, inputFromRows(catalog, row, sheets, findings));
  const sheetIdAt = (index: number) => sheets[index]!.sheetId;
  return {
    inspection: toInspectionView({ doc, row }),
    project: {
      id: project.id,
      name: project.name,
      filingNumber: project.filingNumber,
      constructorName: project.constructorName,
    },
    originLabel: INSPECTION_ORIGIN_LABELS[row.origin],
    methodLabel: INSPECTION_METHOD_LABELS[row.method],
    date: row.date,
    inspectors: JSON.parse(row.inspectors) as Array<{ userId: string | null; name: string }>,
    comment: row.comment,
    policy: result.policy,
    policyNote: POLICY_NOTES[result.policy],
    catalog: catalogInfo(catalog),
    categories: result.categories.map((c) => ({
      categoryId: c.categoryId,
      name: c.name,
      weight: c.weight,
      score: c.score && formatScore(c.score, 2),
      weighted: c.weighted && formatScore(c.weighted, 2),
      sheetIds: c.sheetIndexes.map(sheetIdAt),
    })),
    sheets: result.sheets.map((s) => summarySheet(catalog, result, s, sheets[s.index]!)),
    total: result.total && formatScore(result.total, 2),
    totalExact: result.total?.exact ?? null,
    converted: result.converted,
    grade: result.grade?.grade ?? null,
    gradeMessage: result.grade?.message ?? null,
    fullMarksThroughNotApplicable: result.notApplicable.sheetsAtFullMarks.map((i) => ({
      sheetId: sheetIdAt(i),
      label: sheets[i]!.label,
    })),
    guaranteedItemsNotApplicable: result.notApplicable.guaranteedItems.map((g) => ({
      sheetId: sheetIdAt(g.sheetIndex),
      itemId: g.itemId,
      name: g.name,
    })),
    notApplicableMessages: [...result.notApplicable.messages],
    warnings: result.warnings.map(({ code, message, clause }) => ({ code, message, clause })),
  };
}

/** Every certainty flag of the catalog as a zh-CN sentence: exports print all of them. */
export function catalogInfo(catalog: ScoringCatalog): InspectionSummary['catalog'] {
  const notes: string[] = [];
  if (catalog.provenance.notFromStandard) {
    notes.push(`本检查表为安管自定检查表（参照${catalog.standard.code}），并非该标准的原表`);
  }
  const recalled = catalog.tables.filter((t) => t.verification.status === 'recalled');
  if (recalled.length > 0) {
    notes.push(
      `以下分项表依据记忆整理，尚未与标准原文核对：${recalled.map((t) => t.tableNo ?? t.name).join('、')}`,
    );
  }
  const partly = catalog.tables.filter((t) =>
    ['mostly_confirmed', 'partly_confirmed'].includes(t.verification.status),
  );
  if (partly.length > 0) {
    notes.push(`以下分项表部分条文尚待核对：${partly.map((t) => t.tableNo ?? t.name).join('、')}`);
  }
  notes.push('标注“待核对”的扣分标准分值尚待与标准原文核对');
  return {
    kind: catalog.kind,
    version: catalog.catalogVersion,
    standardCode: catalog.standard.code,
    standardName: catalog.standard.name,
    notFromStandard: catalog.provenance.notFromStandard,
    certaintyNotes: notes,
  };
}

function summarySheet(
  catalog: ScoringCatalog,
  result: ScoreResult,
  sheet: ScoreResult['sheets'][number],
  row: SheetRecord,
): SummarySheet {
  const table = catalog.tables.find((t) => t.id === sheet.tableId)!;
  const atFull = result.notApplicable.sheetsAtFullMarks.includes(sheet.index);
  const notes = [
    ...(atFull ? ['本表为缺项，按满分（100分）计入汇总'] : []),
    ...(sheet.status === 'not_applicable' && !atFull ? ['本表为缺项，不计入汇总'] : []),
    ...result.notApplicable.guaranteedItems
      .filter((g) => g.sheetIndex === sheet.index)
      .map((g) => `保证项目“${g.name}”为缺项`),
    ...sheet.zeroReasons.map((z) =>
      z.code === 'guaranteed_item_zero'
        ? '保证项目有一项得零分，本表计零分（JGJ 59-2011 第4.0.3条）'
        : `保证项目小计${z.subtotal}分，不足${formatScore(z.minimum, 2)}分，本表计零分（JGJ 59-2011 第4.0.3条）`,
    ),
  ];
  return {
    sheetId: row.sheetId,
    tableId: sheet.tableId,
    tableNo: sheet.tableNo,
    tableName: table.name,
    label: row.label,
    saved: row.saved,
    notApplicable: row.notApplicable,
    status: sheet.status,
    score: sheet.score && formatScore(sheet.score, 2),
    actual: sheet.actual,
    applicable: sheet.applicable,
    verification: { ...table.verification },
    fullMarksThroughNotApplicable: atFull,
    notes,
    items: sheet.items.map((item, k) => {
      const catalogItem = table.items[k]!;
      return {
        itemId: item.itemId,
        no: catalogItem.no,
        name: item.name,
        group: item.group,
        points: item.points,
        status: item.status,
        deducted: item.deducted,
        score: item.score,
        capped: item.capped,
        uncertain: catalogItem.uncertain,
        note: catalogItem.note,
        deductions: item.deductions.map((d) => {
          const rule = catalogItem.deductions.find((r) => r.id === d.ruleId)!;
          return { ...d, text: rule.text, raw: rule.raw, per: rule.per, note: rule.note };
        }),
      };
    }),
  };
}
