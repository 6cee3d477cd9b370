import { Hono } from 'hono';
import { DOC_KINDS } from '@anguan/model';
import type { AppEnv, ServerDeps } from '../deps.js';
import { badRequest } from '../http/errors.js';
import { readJsonObject, stringField } from '../http/json-body.js';
import { requireSession } from '../http/session.js';
import { authorizeDocument, listDocuments, registerDocument, sealDocument, toView } from './service.js';

/**
 * /api/documents: the registry `/sync` authorizes against.
 *
 * - `POST /` `{name, kind, projectId, method?, origin?}` → 201 `{document}` (200 when already registered by you)
 * - `GET /?projectId=…[&kind=…]` → `{documents}`
 * - `GET /:name` → `{document}`
 * - `POST /:name/seal` `{stateVector?: base64}` → `{document}` (409 not_synced / already_sealed, 422 not_ready)
 */
export function documentRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { user } = requireSession(c);
      const body = await readJsonObject(c);
      const input = {
        name: stringField(body, 'name', '文档名称', { maxLength: 200 }),
        kind: stringField(body, 'kind', '文档类型'),
        projectId: stringField(body, 'projectId', '项目', { maxLength: 100 }),
        method: optionalString(body.method),
        origin: optionalString(body.origin),
      };
      const { document, created } = registerDocument(deps, user, input);
      return c.json({ document }, created ? 201 : 200);
    })
    .get('/', (c) => {
      const { user } = requireSession(c);
      const projectId = c.req.query('projectId');
      if (!projectId) throw badRequest('missing_field', '请指定项目', { field: 'projectId' });
      const kind = c.req.query('kind');
      if (kind !== undefined && !DOC_KINDS.includes(kind as never)) {
        throw badRequest('invalid_kind', '文档类型无效', { field: 'kind' });
      }
      return c.json({ documents: listDocuments(deps, user, projectId, kind as (typeof DOC_KINDS)[number]) });
    })
    .get('/:name', (c) => {
      const { user } = requireSession(c);
      const { doc, access } = authorizeDocument(deps, user, c.req.param('name'));
      return c.json({ document: toView(doc, access) });
    })
    .post('/:name/seal', async (c) => {
      const { user } = requireSession(c);
      const body = await readJsonObject(c);
      const stateVector = typeof body.stateVector === 'string' ? decodeBase64(body.stateVector) : undefined;
      return c.json({ document: await sealDocument(deps, user, c.req.param('name'), { stateVector }) });
    });
}

const optionalString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function decodeBase64(value: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length > 100_000) {
    throw badRequest('invalid_state_vector', '状态向量无效', { field: 'stateVector' });
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}
