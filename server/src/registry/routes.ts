import { Hono, type Context } from 'hono';
import { like } from 'drizzle-orm';
import type { AppDeps, AppEnv } from '../deps.js';
import { regions } from '../db/schema/index.js';
import { AppError, badRequest, notFound } from '../http/errors.js';
import { readJsonObject } from '../http/json-body.js';
import { requireRole } from '../http/roles.js';
import { findReadableProject } from '../projects/queries.js';
import { regionPrefix } from '../projects/regions.js';
import { loadRegionIndex, toProjectView } from '../projects/views.js';
import { recordCompletions, importCompletions } from './completion.js';
import { importProjects } from './import.js';
import { parseProjectInput } from './input.js';
import { BatchInvalid, batchErrorToAppError, registerProjects } from './service.js';
import { MAX_IMPORT_BYTES, XLSX_TYPE } from './table-file.js';
import { completionTemplate, projectTemplate } from './template.js';

/** Paths whose bodies are files, not JSON (app.ts lets them through the JSON-only CSRF rule). */
export const REGISTRY_UPLOAD_PATHS = [
  '/api/registry/projects/import',
  '/api/registry/completions/import',
] as const;

/** /api/registry: the supervisor's 监督备案 and 竣工备案 (own region only). */
export function registryRoutes(deps: AppDeps) {
  const { db } = deps.database;
  return new Hono<AppEnv>()
    .get('/regions', async (c) => {
      const { user } = requireRole(c, 'supervisor');
      const prefix = regionPrefix(user.regionCode) ?? '-';
      const rows = await db
        .select()
        .from(regions)
        .where(like(regions.code, `${prefix}%`))
        .orderBy(regions.code);
      return c.json({ regions: rows });
    })
    .post('/projects', async (c) => {
      const { user } = requireRole(c, 'supervisor');
      const parsed = parseProjectInput(await readJsonObject(c));
      if (!parsed.input) {
        const first = parsed.errors[0]!;
        throw badRequest(`invalid_${first.field}`, first.message, {
          field: first.field,
          errors: parsed.errors,
        });
      }
      try {
        const [row] = await registerProjects(deps, user, [parsed.input], { ip: c.get('ip') });
        return c.json({ project: toProjectView(row!, await loadRegionIndex(db)) }, 201);
      } catch (error) {
        if (error instanceof BatchInvalid) throw batchErrorToAppError(error.errors[0]!);
        throw error;
      }
    })
    .get('/projects/template.xlsx', async (c) => {
      requireRole(c, 'supervisor');
      return download(c, await projectTemplate(), '项目导入模板.xlsx');
    })
    .post('/projects/import', async (c) => {
      const { user } = requireRole(c, 'supervisor');
      const file = await readFile(c);
      const dryRun = c.req.query('dryRun') === 'true';
      return c.json(await importProjects(deps, user, file, { dryRun, ip: c.get('ip') }));
    })
    .post('/projects/:id/completion', async (c) => {
      const { user } = requireRole(c, 'supervisor');
      const project = await findReadableProject(db, user, c.req.param('id'));
      if (!project) throw notFound('未找到该项目');
      const body = await readJsonObject(c);
      const result = await recordCompletions(
        deps,
        user,
        [{ filingNumber: project.filingNumber, date: body.date }],
        {
          ip: c.get('ip'),
        },
      );
      const first = result.errors[0];
      if (first) {
        const field = first.column === '竣工备案日期' ? 'date' : 'filingNumber';
        throw new AppError(first.message.includes('终止') ? 409 : 400, `invalid_${field}`, first.message, {
          field,
        });
      }
      const updated = await findReadableProject(db, user, project.id);
      return c.json({ project: toProjectView(updated!, await loadRegionIndex(db)) });
    })
    .get('/completions/template.xlsx', async (c) => {
      requireRole(c, 'supervisor');
      return download(c, await completionTemplate(), '竣工备案导入模板.xlsx');
    })
    .post('/completions/import', async (c) => {
      const { user } = requireRole(c, 'supervisor');
      return c.json(await importCompletions(deps, user, await readFile(c), { ip: c.get('ip') }));
    });
}

async function readFile(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; contentType: string }> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_IMPORT_BYTES) throw badRequest('file_too_large', '文件不能超过 10 MB');
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return { bytes, contentType: (c.req.header('content-type') ?? '').toLowerCase() };
}

function download(c: Context<AppEnv>, bytes: Uint8Array, filename: string): Response {
  return c.body(bytes as unknown as ArrayBuffer, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'cache-control': 'no-store',
  });
}
