import { Hono } from 'hono';
import type { AppEnv, ServerDeps } from '../deps.js';
import { requireSession } from '../http/session.js';
import { deleteInspection, deleteInspectionFile } from './delete.js';
import { buildSheet } from './sheet.js';
import { verifySealedHash } from './verify.js';
import { sheetWorkbook } from './xlsx.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Under /api/inspections (issue 9; mounted beside the inspections feature's own routes):
 *
 * - `GET /:id/sheet` → `{ sheet }` (the 检查单 for the print view); 404 unknown/unreadable/deleted, 409 `not_sealed`
 * - `GET /:id/sheet.xlsx` → the same 检查单 as .xlsx
 * - `DELETE /:id` → `{ ok: true }` soft-deletes an internal-standard record (audited); 403 for other roles
 * - `DELETE /:id/files/:sha256` → `{ ok: true }` soft-deletes one file of a sealed internal-standard record
 */
export function inspectionSheetRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>()
    .get('/:id/sheet', async (c) => {
      const { user } = requireSession(c);
      return c.json({ sheet: await buildSheet(deps, user, c.req.param('id')) });
    })
    .get('/:id/sheet.xlsx', async (c) => {
      const { user } = requireSession(c);
      const sheet = await buildSheet(deps, user, c.req.param('id'));
      const filename = `检查单-${sheet.project.filingNumber}-${sheet.date ?? sheet.inspectionId}.xlsx`;
      return c.body(new Uint8Array(await sheetWorkbook(sheet)), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="sheet.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        'cache-control': 'private, no-store',
      });
    })
    .delete('/:id', async (c) => {
      const { user } = requireSession(c);
      await deleteInspection(deps, user, c.req.param('id'), c.get('ip'));
      return c.json({ ok: true });
    })
    .delete('/:id/files/:sha256', async (c) => {
      const { user } = requireSession(c);
      await deleteInspectionFile(deps, user, c.req.param('id'), c.req.param('sha256'), c.get('ip'));
      return c.json({ ok: true });
    });
}

/** /api/verify/:hash → `{ match: true, inspection }`, or 404 `no_match` (also when the caller may not read it). */
export function verifyRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>().get('/:hash', async (c) => {
    const { user } = requireSession(c);
    return c.json({ match: true, inspection: await verifySealedHash(deps, user, c.req.param('hash')) });
  });
}
