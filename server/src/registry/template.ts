import ExcelJS from 'exceljs';
import { PROJECT_COLUMNS } from './input.js';
import { COMPLETION_COLUMNS } from './completion.js';

const PROJECT_SAMPLE: Record<string, string | number> = {
  filingNumber: '3201052026001',
  name: '示例：建邺区某住宅项目一期',
  address: '南京市建邺区示例路1号',
  regionCode: '320105',
  constructorName: '江苏安建建设集团有限公司',
  constructorCreditCode: '91320100MA1MXX0A01',
  builderName: '南京示例置业有限公司',
  supervisionFirmName: '南京示例监理有限公司',
  projectManager: '张三',
  area: 52000,
  contractAmount: 18500,
  structure: '框架剪力墙',
  startDate: '2026-01-15',
  expectedCompletionDate: '2027-12-31',
  special: '否',
  requiredInspectionsPerYear: 3,
};

async function workbookBytes(
  sheetName: string,
  columns: ReadonlyArray<{ header: string; required: boolean }>,
  sample: ReadonlyArray<string | number>,
  notes: readonly string[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((c) => c.header));
  sheet.addRow([...sample]);
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(14, c.header.length * 2 + 4);
    // Text format keeps 备案号, codes and dates as typed (Excel would turn them into numbers or dates).
    sheet.getColumn(i + 1).numFmt = '@';
    if (c.required) sheet.getRow(1).getCell(i + 1).note = '必填';
  });
  const help = workbook.addWorksheet('填写说明');
  for (const line of notes) help.addRow([line]);
  help.getColumn(1).width = 100;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** 项目导入模板.xlsx: one header row (批注“必填” on required columns), one sample row, and a 填写说明 sheet. */
export function projectTemplate(): Promise<Uint8Array> {
  return workbookBytes(
    '项目',
    PROJECT_COLUMNS,
    PROJECT_COLUMNS.map((c) => PROJECT_SAMPLE[c.field] ?? ''),
    [
      '第一个工作表的第1行为表头，请勿修改；从第2行起每行一个项目（示例行请删除或替换）。',
      '必填：监督备案号、项目名称、所在区县代码（6位行政区划代码）、施工单位、施工单位统一社会信用代码。',
      '日期格式 YYYY-MM-DD；特殊项目填“是”或“否”；每年企业检查次数不填时默认3次（特殊项目6次）。',
      '整个文件全部正确才会导入；有错误时列出每处错误的行号、列名和原因，不导入任何数据。',
    ],
  );
}

/** 竣工备案导入模板.xlsx. */
export function completionTemplate(): Promise<Uint8Array> {
  return workbookBytes(
    '竣工备案',
    COMPLETION_COLUMNS,
    ['3201052026001', '2026-11-20'],
    [
      '每行一个项目：监督备案号和竣工备案日期（YYYY-MM-DD，不晚于今天）。',
      '整个文件全部正确才会导入；有错误时列出每处错误的行号、列名和原因，不导入任何数据。',
    ],
  );
}

/** Rows (keyed by {@link PROJECT_COLUMNS} fields) as an .xlsx in the template's layout: what an import reads. */
export async function projectsWorkbook(rows: ReadonlyArray<Record<string, unknown>>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(PROJECT_COLUMNS.map((c) => c.header));
  for (const row of rows) {
    sheet.addRow(PROJECT_COLUMNS.map((c) => (row[c.field] ?? null) as ExcelJS.CellValue));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
