import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { AppError } from '../http/errors.js';
import { headerOf, parseProjectInput, PROJECT_COLUMNS, type ProjectInput } from './input.js';
import { BatchInvalid, checkProjects, registerProjects } from './service.js';
import { readTableFile, type Table } from './table-file.js';

/** One problem of an import: the sheet's row number (1 = header), the column header and a zh-CN reason. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** 422 with every problem; the file changed nothing. */
export function importInvalid(rows: RowError[]): AppError {
  const shown = rows.slice(0, 500);
  return new AppError(422, 'import_invalid', `导入失败：共 ${rows.length} 处错误，未导入任何数据`, {
    rows: shown,
    totalErrors: rows.length,
  });
}

/** Maps header text to column index; reports required columns missing from the header row. */
export function columnIndex<F extends string>(
  table: Table,
  columns: ReadonlyArray<{ field: F; header: string; required: boolean }>,
): Map<F, number> {
  const index = new Map<F, number>();
  const missing: RowError[] = [];
  for (const column of columns) {
    const at = table.headers.findIndex(
      (h) => h === column.header || h.replace(/（.*）$/, '') === column.header.replace(/（.*）$/, ''),
    );
    if (at >= 0) index.set(column.field, at);
    else if (column.required) {
      missing.push({ row: 1, column: column.header, message: `缺少“${column.header}”列` });
    }
  }
  if (table.rows.length === 0) missing.push({ row: 2, column: '', message: '文件中没有数据行' });
  if (missing.length > 0) throw importInvalid(missing);
  return index;
}

/**
 * Imports projects from an .xlsx/.csv for a supervisor: every row validated (fields, region, duplicates,
 * existing 备案号) and reported by row and column; written in one transaction only when all rows are valid.
 */
export async function importProjects(
  deps: AppDeps,
  supervisor: SessionUser,
  file: { bytes: Uint8Array; contentType: string },
  options: { dryRun: boolean; ip: string },
): Promise<{ imported: number; dryRun: boolean }> {
  const table = await readTableFile(file.bytes, file.contentType);
  const index = columnIndex(table, PROJECT_COLUMNS);
  const errors: RowError[] = [];
  const inputs: ProjectInput[] = [];
  const rowNumbers: number[] = [];
  for (const { rowNumber, cells } of table.rows) {
    const raw: Record<string, unknown> = {};
    for (const [field, at] of index) raw[field] = cells[at];
    const parsed = parseProjectInput(raw);
    if (parsed.input) {
      inputs.push(parsed.input);
      rowNumbers.push(rowNumber);
    } else {
      for (const e of parsed.errors) {
        errors.push({ row: rowNumber, column: headerOf(e.field), message: e.message });
      }
    }
  }
  if (errors.length > 0) throw importInvalid(errors);
  try {
    if (options.dryRun) await checkProjects(deps, supervisor, inputs);
    else await registerProjects(deps, supervisor, inputs, { ip: options.ip });
  } catch (error) {
    if (!(error instanceof BatchInvalid)) throw error;
    throw importInvalid(
      error.errors.map((e) => ({ row: rowNumbers[e.index]!, column: headerOf(e.field), message: e.message })),
    );
  }
  return { imported: inputs.length, dryRun: options.dryRun };
}
