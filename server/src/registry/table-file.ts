import ExcelJS from 'exceljs';
import { badRequest } from '../http/errors.js';

/** A spreadsheet's first sheet: its header row and data rows, each with its 1-based row number in the sheet. */
export interface Table {
  headers: string[];
  rows: Array<{ rowNumber: number; cells: unknown[] }>;
}

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads an uploaded .xlsx or .csv (by content type, or by the bytes: an xlsx is a zip starting with "PK"). */
export async function readTableFile(bytes: Uint8Array, contentType: string): Promise<Table> {
  if (bytes.byteLength === 0) throw badRequest('empty_file', '文件为空');
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw badRequest('file_too_large', '文件不能超过 10 MB');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const table = isZip || contentType.includes('spreadsheetml') ? await readXlsx(bytes) : readCsv(bytes);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw badRequest('too_many_rows', `一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批导入`);
  }
  return table;
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw badRequest('invalid_file', '无法读取该文件，请使用 .xlsx 或 .csv 格式');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badRequest('invalid_file', '文件中没有工作表');
  const headers: string[] = [];
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as unknown[]).slice(1).map(cellValue);
    if (headers.length === 0) headers.push(...values.map((v) => String(v ?? '').trim()));
    else if (values.some((v) => v !== null && v !== '')) rows.push({ rowNumber, cells: values });
  });
  return { headers, rows };
}

/** A cell's plain value: rich text joined, formulas by their result, hyperlinks by their text. */
function cellValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellValue(v.result);
  if ('text' in v) return v.text;
  return String(value);
}

/** UTF-8 (with or without BOM), else GB18030: what Excel saves as "CSV" on a Chinese Windows. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function readCsv(bytes: Uint8Array): Table {
  const text = decode(bytes);
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  const [header = [], ...data] = records;
  return {
    headers: header.map((h) => h.trim()),
    rows: data
      .map((cells, i) => ({ rowNumber: i + 2, cells: cells as unknown[] }))
      .filter((r) => r.cells.some((c) => String(c).trim() !== '')),
  };
}
