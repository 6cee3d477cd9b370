import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { Hono } from 'hono';
import type { WebSocketServer } from 'ws';
import { CLOSE_CODES, SYNC_PATH } from '@anguan/model';
import type { SessionUser } from '../auth/sessions.js';
import type { AppEnv, ServerDeps } from '../deps.js';
import { AppError, forbidden, unauthorized } from '../http/errors.js';
import { authorizeDocument } from '../documents/service.js';
import { writableRootsOf } from '../documents/access.js';
import { SESSION_COOKIE } from '../http/session.js';
import { createUpgradeSessions } from './upgrade-session.js';

const PREFIX = `${SYNC_PATH}/`;

/**
 * `/sync/<doc name>`: the y-websocket endpoint (a `WebsocketProvider` with `serverUrl = <origin>/sync` and
 * `roomname = <doc name>`). Everything is decided *before* the upgrade, answered as plain HTTP with no upgrade:
 * 401 without a valid session cookie, 403 for a foreign `Origin` or a document the user may not read, 404 for an
 * unknown (unregistered) document, 429 past the per-user connection limit. The upgraded socket goes to the sync
 * service with `{ userId, docName, readOnly, sealed }` (STYLE.md rule 7).
 *
 * This is a plain `upgrade` listener rather than a Hono route: the route's request object, middleware chain and
 * message wrapping cost more per connection than everything else a cold open does. Authentication is the same
 * session code as the API (`upgrade-session.ts`).
 */
export function attachSyncUpgrades(
  server: {
    on(event: 'upgrade', listener: (req: IncomingMessage, socket: Duplex, head: Buffer) => void): unknown;
  },
  wss: WebSocketServer,
  deps: ServerDeps,
): { stop(): void } {
  const sessions = createUpgradeSessions(deps);
  const recheck = setInterval(() => recheckConnections(deps, sessions), deps.sync.sessionRecheckMs);
  recheck.unref();
  const renewedCookies = new WeakMap<IncomingMessage, string>();
  wss.on('headers', (headers, request) => {
    const cookie = renewedCookies.get(request);
    if (cookie) headers.push(`Set-Cookie: ${cookie}`);
  });
  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    try {
      const context = authorizeUpgrade(deps, sessions, request);
      if (context.setCookie) renewedCookies.set(request, context.setCookie);
      wss.handleUpgrade(request, socket, head, (ws) => deps.sync.handleConnection(ws, context));
    } catch (error) {
      refuse(socket, error, deps);
    }
  });
  return { stop: () => clearInterval(recheck) };
}

/**
 * Sessions end (logout, password change, disabled account, expiry) and access changes while sockets stay open:
 * close those connections with 4401 (session gone) or 4403 (no access to the document any more).
 */
function recheckConnections(deps: ServerDeps, sessions: ReturnType<typeof createUpgradeSessions>): void {
  const users = new Map<string, SessionUser | null>();
  deps.sync.closeWhere(({ sessionId, docName }) => {
    if (!users.has(sessionId)) users.set(sessionId, sessions.userOf(sessionId));
    const user = users.get(sessionId);
    if (!user) return CLOSE_CODES.unauthorized;
    try {
      authorizeDocument(deps, user, docName);
      return null;
    } catch {
      return CLOSE_CODES.forbidden;
    }
  });
}

/** Answers non-websocket requests to `/sync/*` (426), so they do not fall through to the SPA. */
export function syncRoutes() {
  return new Hono<AppEnv>().all('*', () => {
    throw new AppError(426, 'upgrade_required', '请使用 WebSocket 连接');
  });
}

function authorizeUpgrade(
  deps: ServerDeps,
  sessions: ReturnType<typeof createUpgradeSessions>,
  request: IncomingMessage,
) {
  const url = request.url ?? '/';
  if (!url.startsWith(PREFIX)) throw new AppError(404, 'not_found', '未找到');
  requireAllowedOrigin(request, deps.config.trustedOrigins);
  const token = cookieValue(request.headers.cookie, SESSION_COOKIE);
  const session = token ? sessions.validate(token, request) : null;
  if (!session) throw unauthorized();
  const query = url.indexOf('?');
  const docName = safeDecode(url.slice(PREFIX.length, query < 0 ? undefined : query));
  const { doc, project, access } = authorizeDocument(deps, session.user, docName);
  if (deps.sync.connectionCount(session.user.id) >= deps.sync.maxConnectionsPerUser) {
    throw new AppError(429, 'too_many_connections', '同时打开的文档过多，请关闭部分页面后重试');
  }
  return {
    userId: session.user.id,
    userName: session.user.displayName,
    sessionId: session.id,
    docName,
    readOnly: access !== 'write',
    writableRoots: writableRootsOf(session.user, doc, project), // rectify (issue 9)
    sealed: doc.sealedAt !== null,
    setCookie: session.setCookie,
  };
}

/**
 * Browsers send `Origin` on websocket handshakes and do not apply CORS to them, so a foreign page could open a
 * socket with the user's cookie (cross-site websocket hijacking). Same host or a trusted origin only; non-browser
 * clients (tests, benchmark) send no Origin and carry no ambient credentials, so they pass.
 */
function requireAllowedOrigin(request: IncomingMessage, trustedOrigins: readonly string[]): void {
  const origin = request.headers.origin;
  if (origin === undefined || trustedOrigins.includes(origin)) return;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    host = null;
  }
  if (host !== request.headers.host) throw forbidden('请求来源不被允许');
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return safeDecode(part.slice(eq + 1).trim());
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Writes the HTTP refusal (status, `{error}` body) and closes the socket: no upgrade happens. */
function refuse(socket: Duplex, error: unknown, deps: ServerDeps): void {
  const known = error instanceof AppError;
  if (!known) deps.sync.logLine(`[sync] upgrade failed: ${(error as Error).message}`);
  const status = known ? error.status : 500;
  const body = JSON.stringify({
    error: known
      ? { code: error.code, message: error.message }
      : { code: 'internal', message: '服务器内部错误' },
  });
  if (socket.destroyed) return;
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
