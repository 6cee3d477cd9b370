import ExcelJS from 'exceljs';
import type { StatsTable } from './tables.js';

/** One statistics table as an .xlsx workbook: a title row, the header, the rows, and the table's note. */
export async function statsTableWorkbook(table: StatsTable, subtitle: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow([table.title]).font = { bold: true, size: 14 };
  sheet.addRow([subtitle]);
  const header = sheet.addRow(table.columns.map((c) => c.label));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => row[c.key] ?? ''));
  if (table.note) sheet.addRow([`注：${table.note}`]);
  table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.kind === 'text' ? 28 : 14));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
