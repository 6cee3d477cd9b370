import { Hono, type Context } from 'hono';
import { upgradeWebSocket } from '@hono/node-server';
import type { WebSocket } from 'ws';
import type { AppEnv, ServerDeps } from '../deps.js';
import { AppError, forbidden } from '../http/errors.js';
import { requireSession } from '../http/session.js';
import { upgradeSessionMiddleware } from './upgrade-session.js';
import { authorizeDocument } from '../documents/service.js';

/**
 * `/sync/<doc name>`: the y-websocket endpoint (a `WebsocketProvider` with `serverUrl = <origin>/sync` and
 * `roomname = <doc name>`). Everything is decided *before* the upgrade, as plain HTTP answers with no upgrade:
 * 401 without a valid session cookie, 403 for a foreign Origin or a document the user may not read, 404 for an
 * unknown (unregistered) document, 429 past the per-user connection limit, 426 for a non-websocket request. The
 * upgraded socket goes to the sync service with `{ userId, docName, readOnly, sealed }` (STYLE.md rule 7).
 */
export function syncRoutes(deps: ServerDeps) {
  return new Hono<AppEnv>().use('*', upgradeSessionMiddleware(deps)).get('/:name', (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError(426, 'upgrade_required', '请使用 WebSocket 连接');
    }
    requireAllowedOrigin(c, deps.config.trustedOrigins);
    const { user } = requireSession(c);
    const docName = c.req.param('name');
    const { doc, access } = authorizeDocument(deps, user, docName);
    if (deps.sync.connectionCount(user.id) >= deps.sync.maxConnectionsPerUser) {
      throw new AppError(429, 'too_many_connections', '同时打开的文档过多，请关闭部分页面后重试');
    }
    const context = { userId: user.id, docName, readOnly: access !== 'write', sealed: doc.sealedAt !== null };
    return upgradeWebSocket(c, {
      onOpen: (_event, ws) => deps.sync.handleConnection(ws.raw as WebSocket, context),
    });
  });
}

/**
 * Browsers send `Origin` on websocket handshakes and do not apply CORS to them, so a foreign page could open a
 * socket with the user's cookie (cross-site websocket hijacking). Same host or a trusted origin only; non-browser
 * clients (tests, benchmark) send no Origin and carry no ambient credentials, so they pass.
 */
function requireAllowedOrigin(c: Context, trustedOrigins: readonly string[]): void {
  const origin = c.req.header('origin');
  if (origin === undefined || trustedOrigins.includes(origin)) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== c.req.header('host')) throw forbidden('请求来源不被允许');
}
