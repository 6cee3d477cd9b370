import { eq, inArray } from 'drizzle-orm';
import { checkFilingNumber, shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import { projects } from '../db/schema/index.js';
import { regionCovers } from '../projects/regions.js';
import { calendarDate } from './input.js';
import { columnIndex, importInvalid, type RowError } from './import.js';
import { readTableFile } from './table-file.js';

export const COMPLETION_COLUMNS = [
  { field: 'filingNumber', header: '监督备案号', required: true },
  { field: 'completionDate', header: '竣工备案日期', required: true },
] as const;

export interface CompletionInput {
  /** As typed; matched case-insensitively (stored upper-case). */
  filingNumber: string;
  date: unknown;
}

/** One problem of a batch: index in the batch, which column, why. */
export interface CompletionError {
  index: number;
  column: (typeof COMPLETION_COLUMNS)[number]['header'];
  message: string;
}

/**
 * Records 竣工备案 for projects of the supervisor's region, all or none: each becomes 已竣工 with its filing date
 * (not in the future). A terminated project cannot be filed again; filing a completed one again corrects its date.
 */
export async function recordCompletions(
  deps: AppDeps,
  supervisor: SessionUser,
  inputs: readonly CompletionInput[],
  meta: { ip: string },
): Promise<{ errors: CompletionError[]; updated: number }> {
  const { db } = deps.database;
  const today = shanghaiDate(deps.now());
  const filings = inputs.map((i) => i.filingNumber.trim().toUpperCase());
  const found = new Map<string, typeof projects.$inferSelect>();
  for (let i = 0; i < filings.length; i += 500) {
    const rows = await db
      .select()
      .from(projects)
      .where(inArray(projects.filingNumber, filings.slice(i, i + 500)));
    for (const row of rows) found.set(row.filingNumber, row);
  }
  const errors: CompletionError[] = [];
  const updates: Array<{ id: string; date: string }> = [];
  inputs.forEach((input, index) => {
    const fail = (column: CompletionError['column'], message: string) =>
      errors.push({ index, column, message });
    const check = checkFilingNumber(input.filingNumber);
    const project = check.ok ? found.get(filings[index]!) : undefined;
    if (!check.ok) fail('监督备案号', check.message);
    // A project outside the region is reported as unknown: its existence is not this station's to learn.
    else if (!project || !regionCovers(supervisor.regionCode, project.regionCode)) {
      fail('监督备案号', '本站未登记该监督备案号');
    } else if (project.status === 'terminated') fail('监督备案号', '该项目已终止监督，不能再办理竣工备案');
    const date = calendarDate(input.date);
    if (!date) fail('竣工备案日期', '竣工备案日期应为有效日期，格式 YYYY-MM-DD');
    else if (date > today) fail('竣工备案日期', '竣工备案日期不能晚于今天');
    if (project && date) updates.push({ id: project.id, date });
  });
  if (errors.length > 0) return { errors, updated: 0 };
  db.transaction((tx) => {
    for (const u of updates) {
      tx.update(projects)
        .set({ status: 'completed', completionFilingDate: u.date })
        .where(eq(projects.id, u.id))
        .run();
    }
  });
  audit(db, {
    event: 'projects.completed',
    at: deps.now(),
    ip: meta.ip,
    actorUserId: supervisor.id,
    detail: { count: updates.length, filingNumbers: filings.slice(0, 20) },
  });
  // R1 counts from the filing day: its alert must not wait for the next timed pass.
  deps.projectsChanged?.(updates.map((u) => u.id));
  return { errors: [], updated: updates.length };
}

/** Imports 竣工备案 from a file with the {@link COMPLETION_COLUMNS}; all rows or none. */
export async function importCompletions(
  deps: AppDeps,
  supervisor: SessionUser,
  file: { bytes: Uint8Array; contentType: string },
  meta: { ip: string },
): Promise<{ imported: number }> {
  const table = await readTableFile(file.bytes, file.contentType);
  const index = columnIndex(table, COMPLETION_COLUMNS);
  const inputs = table.rows.map(({ cells }) => ({
    filingNumber: String(cells[index.get('filingNumber')!] ?? ''),
    date: cells[index.get('completionDate')!],
  }));
  const { errors, updated } = await recordCompletions(deps, supervisor, inputs, meta);
  if (errors.length > 0) {
    throw importInvalid(
      errors.map((e): RowError => ({
        row: table.rows[e.index]!.rowNumber,
        column: e.column,
        message: e.message,
      })),
    );
  }
  return { imported: updated };
}
