import { Hono } from 'hono';
import type { AppEnv, ServerDeps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { readJsonObject } from '../http/json-body.js';
import { requireSession } from '../http/session.js';
import { BLOB_POLICY } from '../http/security-headers.js';
import { pageParams } from '../projects/params.js';
import { gradeTermination, returnTermination, submitTermination } from './actions.js';
import { parseGrade, parseReturnReason, parseSubmission } from './input.js';
import { getReview, getTermination, listTerminations, terminationFile } from './service.js';
import type { TerminationStatus } from './views.js';

const STATUSES: readonly TerminationStatus[] = ['none', 'submitted', 'returned', 'graded'];

/**
 * /api/terminations: 终止监督 and 安标考评 (shapes in views.ts `TerminationView`, figures.ts `GradeFigures`).
 *
 * - `GET /?status=submitted|returned|graded|none&page=&pageSize=` → `{ items, total, page, pageSize }`
 * - `GET /:project` → `{ termination }`; `GET /:project/review` → `{ termination, figures }` (readers of the project)
 * - `POST /:project/submission` `{ applicationDate, note, files: [{ sha256, name }] }` → `{ termination }` (项目部)
 * - `POST /:project/return` `{ reason }` → `{ termination }` (the region's supervisor)
 * - `POST /:project/grade` `{ grade, reason, revocations?: [{ evaluationId, reason }] }` → `{ termination }`
 * - `GET /:project/files/:sha256` → the bytes of a submitted material
 * `:project` is the project id or its 监督备案号. Another region's project answers 404, wrong roles 403.
 */
export function terminationRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { user } = requireSession(c);
      const status = (c.req.query('status') || 'submitted') as TerminationStatus;
      if (!STATUSES.includes(status)) throw badRequest('invalid_status', '状态无效', { field: 'status' });
      return c.json(await listTerminations(deps, user, status, pageParams(c)));
    })
    .get('/:project', async (c) => {
      const { user } = requireSession(c);
      return c.json({ termination: await getTermination(deps, user, c.req.param('project')) });
    })
    .get('/:project/review', async (c) => {
      const { user } = requireSession(c);
      return c.json(await getReview(deps, user, c.req.param('project')));
    })
    .post('/:project/submission', async (c) => {
      const { user } = requireSession(c);
      const input = parseSubmission(await readJsonObject(c));
      const termination = await submitTermination(
        deps,
        user,
        c.req.param('project'),
        input,
        c.get('ip') ?? null,
      );
      return c.json({ termination });
    })
    .post('/:project/return', async (c) => {
      const { user } = requireSession(c);
      const reason = parseReturnReason(await readJsonObject(c));
      const termination = await returnTermination(
        deps,
        user,
        c.req.param('project'),
        reason,
        c.get('ip') ?? null,
      );
      return c.json({ termination });
    })
    .post('/:project/grade', async (c) => {
      const { user } = requireSession(c);
      const input = parseGrade(await readJsonObject(c));
      const termination = await gradeTermination(
        deps,
        user,
        c.req.param('project'),
        input,
        c.get('ip') ?? null,
      );
      return c.json({ termination });
    })
    .get('/:project/files/:sha256', async (c) => {
      const { user } = requireSession(c);
      const { file, bytes } = await terminationFile(
        deps,
        user,
        c.req.param('project'),
        c.req.param('sha256'),
      );
      return c.body(bytes, 200, {
        'content-type': file.mediaType,
        'content-length': String(file.size),
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-security-policy': BLOB_POLICY,
        // Images show inline; a PDF downloads, so it never renders as a page on our origin.
        'content-disposition': file.mediaType.startsWith('image/')
          ? 'inline'
          : `attachment; filename="${file.sha256}.pdf"`,
      });
    });
}
