import ExcelJS from 'exceljs';
import type { InspectionSummary, SummarySheet } from './summary.js';

/**
 * 下载汇总表: the summary as an .xlsx, first worksheet in the layout of JGJ 59-2011 表A (dust: anguan's checklist,
 * labelled as not the standard's table), then one worksheet per sheet in the layout of its 表B. The total and grade
 * cells hold exactly the strings `GET /api/inspections/<uuid>` states. Certainty notes are on every worksheet.
 */

/** The 表A worksheet's name, and the cells outside checks read (1-based row, column). */
export const SUMMARY_SHEET_NAME = '汇总表';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export async function summaryWorkbook(summary: InspectionSummary): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'anguan';
  writeSummarySheet(book.addWorksheet(SUMMARY_SHEET_NAME, pageSetup()), summary);
  const used = new Set([SUMMARY_SHEET_NAME]);
  for (const sheet of summary.sheets) {
    writeTableSheet(book.addWorksheet(uniqueName(sheet, used), pageSetup()), sheet, summary);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function pageSetup(): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  };
}

function title(summary: InspectionSummary): string {
  if (summary.catalog.kind === 'jgj59') return '建筑施工安全检查评分汇总表（JGJ 59-2011 表A）';
  return `扬尘防治检查评分汇总表（安管自定检查表，参照${summary.catalog.standardCode}，非标准原表）`;
}

function writeSummarySheet(ws: ExcelJS.Worksheet, s: InspectionSummary): void {
  ws.columns = [{ width: 8 }, { width: 28 }, { width: 16 }, { width: 16 }, { width: 18 }];
  heading(ws, title(s));
  pairRow(ws, '工程名称', s.project.name, '监督备案号', s.project.filingNumber);
  pairRow(ws, '施工单位', s.project.constructorName, '检查日期', s.date);
  pairRow(ws, '检查类型', s.originLabel, '检查依据', s.methodLabel);
  boxed(
    ws.addRow(['序号', '检查项目', '满分（权重B）', '分项得分（C）', '实得分（A1 = B × C / 100）']),
  ).font = {
    bold: true,
  };
  s.categories.forEach((c, i) =>
    boxed(ws.addRow([i + 1, c.name, c.weight, c.score ?? '不涉及', c.weighted ?? '不涉及'])),
  );
  labelRow(ws, '总得分', s.total ?? '无法评分');
  labelRow(ws, '评定等级', s.grade ?? '无法评定');
  labelRow(ws, '评定依据', [
    s.gradeMessage,
    s.converted ? '有分项不涉及，总分按 A2 = D / E × 100 折算' : null,
  ]);
  labelRow(ws, '评语', s.comment);
  labelRow(ws, '检查人员', s.inspectors.map((p) => p.name).join('、'));
  labelRow(ws, '评分口径', s.policyNote);
  labelRow(ws, '缺项说明', s.notApplicableMessages.length > 0 ? s.notApplicableMessages : ['无']);
  labelRow(ws, '标准版本', `${s.catalog.standardCode} ${s.catalog.standardName}（${s.catalog.version}）`);
  labelRow(ws, '数据说明', s.catalog.certaintyNotes);
  labelRow(
    ws,
    '状态',
    s.inspection.status === 'completed' ? `已保存汇总 ${s.inspection.sealedAt ?? ''}` : '填写中',
  );
}

function writeTableSheet(ws: ExcelJS.Worksheet, sheet: SummarySheet, s: InspectionSummary): void {
  ws.columns = [
    { width: 6 },
    { width: 10 },
    { width: 20 },
    { width: 50 },
    { width: 10 },
    { width: 10 },
    { width: 10 },
  ];
  const name = [sheet.tableNo, sheet.tableName].filter(Boolean).join(' ');
  heading(ws, sheet.label ? `${name}（${sheet.label}）` : name, 7);
  ws.addRow(['工程名称', '', s.project.name, '', '检查日期', s.date]);
  boxed(
    ws.addRow(['序号', '类别', '检查项目', '扣分标准（本次扣分）', '应得分数', '扣减分数', '实得分数']),
  ).font = {
    bold: true,
  };
  for (const item of sheet.items) {
    const applied = item.deductions.map(
      (d) =>
        `${d.raw}${d.occurrences > 1 ? `；${d.occurrences}${d.per ?? '处'}` : ''}；扣${d.deducted}分${d.uncertain ? '（分值待核对）' : ''}`,
    );
    const row = ws.addRow([
      item.no,
      item.group ?? '',
      item.uncertain ? `${item.name}（待核对）` : item.name,
      item.status === 'not_applicable' ? '缺项' : applied.join('\n') || '无扣分',
      item.points,
      item.status === 'not_applicable' ? '' : item.deducted,
      item.status === 'not_applicable' ? '缺项' : item.score,
    ]);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    boxed(row);
  }
  labelRow(ws, '应得分（E）', String(sheet.applicable), 7);
  labelRow(ws, '实得分（D）', String(sheet.actual), 7);
  labelRow(ws, '本表得分', sheet.score ?? (sheet.notApplicable ? '缺项' : '未计分'), 7);
  if (sheet.notes.length > 0) labelRow(ws, '说明', sheet.notes, 7);
  const v = sheet.verification;
  if (v.uncertain || s.catalog.notFromStandard) {
    labelRow(
      ws,
      '数据说明',
      [VERIFICATION_NOTES[v.status] ?? v.status, ...s.catalog.certaintyNotes.slice(0, 1)],
      7,
    );
  }
}

const VERIFICATION_NOTES: Record<string, string> = {
  confirmed: '本表已与标准原文核对',
  mostly_confirmed: '本表大部分条文已与标准原文核对，其余尚待核对',
  partly_confirmed: '本表部分条文已与标准原文核对，其余尚待核对',
  recalled: '本表依据记忆整理，尚未与标准原文核对',
  not_from_standard: '本表为安管自定检查表，并非标准原表',
};

function heading(ws: ExcelJS.Worksheet, text: string, columns = 5): void {
  const row = ws.addRow([text]);
  ws.mergeCells(row.number, 1, row.number, columns);
  row.font = { bold: true, size: 14 };
  row.alignment = { horizontal: 'center' };
}

function pairRow(ws: ExcelJS.Worksheet, k1: string, v1: string, k2: string, v2: string): void {
  boxed(ws.addRow([k1, v1, '', k2, v2]));
}

/** A label in column A and the value (lines joined) in column B, merged to the last column. */
function labelRow(
  ws: ExcelJS.Worksheet,
  label: string,
  value: string | ReadonlyArray<string | null>,
  columns = 5,
) {
  const text = typeof value === 'string' ? value : value.filter((v): v is string => !!v).join('\n');
  const row = ws.addRow([label, text]);
  ws.mergeCells(row.number, 2, row.number, columns);
  row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  boxed(row);
}

function boxed(row: ExcelJS.Row): ExcelJS.Row {
  row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  return row;
}

/** Worksheet names: ≤ 31 characters, none of []:*?/\, unique in the book. */
function uniqueName(sheet: SummarySheet, used: Set<string>): string {
  const base = [sheet.tableNo?.replace('表', ''), sheet.label || sheet.tableName]
    .filter(Boolean)
    .join(' ')
    .replace(/[[\]:*?/\\]/g, '_')
    .slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}(${n})`;
  used.add(name);
  return name;
}
