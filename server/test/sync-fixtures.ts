import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { Db } from '../src/db/client.js';
import { defaultConfig, defaultLimits, type Config } from '../src/config.js';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';
import { eq } from 'drizzle-orm';
import {
  docSnapshots,
  docUpdates,
  enterprises,
  projects,
  regions,
  users,
  type Role,
} from '../src/db/schema/index.js';
import { createSession } from '../src/auth/sessions.js';
import { SESSION_COOKIE } from '../src/http/session.js';

/** Shared helpers of the sync, documents and blobs tests: a server, a small world of accounts, real clients. */

export interface SyncTestServer extends RunningServer {
  readonly dataDir: string;
  /** Log lines of the sync layer. */
  readonly logs: string[];
  dispose(): Promise<void>;
}

const YEAR_MS = 365 * 24 * 60 * 60_000;

/**
 * A well-formed argon2id hash of a random secret nobody kept: these accounts sign in through seeded sessions, and
 * a password check against them (the fuzzer's 修改密码) answers 当前密码不正确 as for any real account.
 */
const NOBODYS_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$rGfjtX8FhmYWZoQoo0QZfQ$V+R0NCEOSDNp/RYk0ZsU/HuToDP2LvpmicEHvV25dUo';

/**
 * Config for tests that move the server clock by hours or days while their users stay signed in: the idle logout
 * and session lifetime (tested in auth-hardening.test.ts) are a year.
 */
export const clockJumpConfig: Partial<Config> = {
  limits: { ...defaultLimits, sessionIdleMs: YEAR_MS, sessionAbsoluteMs: YEAR_MS },
};

/** A real server on 127.0.0.1:0 with a fresh DATA_DIR and fast sync timings (overridable). */
export async function startSyncServer(
  options: StartOptions = {},
  config: Partial<Config> = {},
): Promise<SyncTestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-sync-'));
  const logs: string[] = [];
  const server = await startServer(
    { ...defaultConfig, port: 0, hostname: '127.0.0.1', dataDir, webRoot: null, ...config },
    {
      ...options,
      sync: { unloadGraceMs: 50, log: (line) => logs.push(line), ...options.sync },
      scheduler: {
        debounceMs: 20,
        maxWaitMs: 100,
        retryInitialMs: 20,
        log: (line) => logs.push(line),
        ...options.scheduler,
      },
    },
  );
  return {
    ...server,
    dataDir,
    logs,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  readonly id: string;
  readonly role: Role;
  /** `anguan_session=<token>` for the cookie header. */
  readonly cookie: string;
}

/**
 * Two enterprises (e1 builds p1 in 320102, e2 builds p2 in 320205), their accounts, p1's project department and
 * two supervisors (南京市 320100 covers p1; 无锡市 320200 does not). Every user has a session.
 */
export interface World {
  readonly projectId: string;
  readonly otherProjectId: string;
  readonly director: TestUser;
  readonly inspector: TestUser;
  /** An inspector of e1 who is not named on the inspections the tests create. */
  readonly otherInspector: TestUser;
  readonly department: TestUser;
  readonly otherDirector: TestUser;
  readonly supervisor: TestUser;
  readonly otherSupervisor: TestUser;
}

export function seedWorld(db: Db, now = new Date()): World {
  db.insert(regions)
    .values([
      { code: '320100', name: '南京市' },
      { code: '320102', name: '玄武区', parentCode: '320100' },
      { code: '320200', name: '无锡市' },
      { code: '320205', name: '锡山区', parentCode: '320200' },
    ])
    .onConflictDoNothing()
    .run();
  const enterprise = (id: string, creditCode: string) =>
    db
      .insert(enterprises)
      .values({
        id,
        creditCode,
        name: `企业${id}`,
        contactName: '联系人',
        contactIdHash: 'x',
        contactIdMasked: 'x',
        contactPhone: '13800000000',
        createdAt: now,
      })
      .run();
  const e1 = randomUUID();
  const e2 = randomUUID();
  enterprise(e1, `91320100MA1${e1.slice(0, 7).toUpperCase()}`);
  enterprise(e2, `91320200MA1${e2.slice(0, 7).toUpperCase()}`);
  const project = (enterpriseId: string, regionCode: string) => {
    const id = `p-${randomUUID().slice(0, 8)}`;
    db.insert(projects)
      .values({
        id,
        filingNumber: `F${id}`,
        name: `项目${id}`,
        regionCode,
        constructorCreditCode: 'x',
        constructorName: 'x',
        enterpriseId,
        status: 'in_construction',
      })
      .run();
    return id;
  };
  const projectId = project(e1, '320102');
  const otherProjectId = project(e2, '320205');
  const user = (
    role: Role,
    fields: { enterpriseId?: string; projectId?: string; regionCode?: string },
  ): TestUser => {
    const id = randomUUID();
    db.insert(users)
      .values({
        id,
        role,
        login: `login-${id}`,
        passwordHash: NOBODYS_PASSWORD_HASH,
        displayName: `${role}-${id.slice(0, 4)}`,
        enterpriseId: fields.enterpriseId ?? null,
        projectId: fields.projectId ?? null,
        regionCode: fields.regionCode ?? null,
        createdAt: now,
        passwordChangedAt: now,
      })
      .run();
    const { token } = createSession(db, id, now);
    return { id, role, cookie: `${SESSION_COOKIE}=${token}` };
  };
  return {
    projectId,
    otherProjectId,
    director: user('enterprise', { enterpriseId: e1 }),
    inspector: user('inspector', { enterpriseId: e1 }),
    otherInspector: user('inspector', { enterpriseId: e1 }),
    department: user('project', { enterpriseId: e1, projectId }),
    otherDirector: user('enterprise', { enterpriseId: e2 }),
    supervisor: user('supervisor', { regionCode: '320100' }),
    otherSupervisor: user('supervisor', { regionCode: '320200' }),
  };
}

/** A JSON API call as a browser would make it (same-origin `Origin`, session cookie). */
export async function api(
  baseUrl: string,
  user: TestUser | null,
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const response = await fetch(baseUrl + route, {
    method,
    headers: {
      origin: baseUrl,
      ...(user ? { cookie: user.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Registers a new inspection document (as `user`) and returns its name. */
export async function registerInspection(
  baseUrl: string,
  user: TestUser,
  projectId: string,
  fields: { origin?: string; method?: string } = {},
): Promise<string> {
  const name = `inspection:${randomUUID()}`;
  const res = await api(baseUrl, user, 'POST', '/api/documents', {
    name,
    kind: 'inspection',
    projectId,
    method: fields.method ?? 'jgj59',
    origin: fields.origin ?? 'enterprise',
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.json)}`);
  return name;
}

/** `ws` with the session cookie on the handshake (STACK.md gotcha 10). */
export function cookieWebSocket(cookie: string | null) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

export interface TestPeer {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  readonly closeCodes: number[];
  synced(): Promise<void>;
  destroy(): void;
}

/** A real `WebsocketProvider` on `/sync/<docName>` as `user`. */
export function connectPeer(
  server: RunningServer,
  docName: string,
  user: TestUser,
  doc = new Y.Doc(),
): TestPeer {
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/sync`, docName, doc, {
    WebSocketPolyfill: cookieWebSocket(user.cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    closeCodes,
    synced: () =>
      provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', () => resolve())),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** What a raw upgrade attempt got: the HTTP status when refused, or the open socket. */
export function rawConnect(
  server: RunningServer,
  docName: string,
  user: TestUser | null,
  headers: Record<string, string> = {},
): Promise<{ status: number; socket: WebSocket | null }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${docName}`, {
      headers: { ...(user ? { cookie: user.cookie } : {}), ...headers },
    });
    socket.binaryType = 'arraybuffer';
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, socket: null });
      socket.terminate();
    });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

/** Resolves with the close code of a raw socket. */
export const closeCodeOf = (socket: WebSocket): Promise<number> =>
  new Promise((resolve) => socket.once('close', (code) => resolve(code)));

/** Retries `assertion` until it passes or `timeoutMs` passes (STYLE.md rule 11: no fixed sleeps). */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** The update-log rows of `docName` stored after its snapshot, oldest first. */
export function storedUpdates(server: SyncTestServer, docName: string) {
  const { db } = server.deps.database;
  return db.select().from(docUpdates).where(eq(docUpdates.docName, docName)).orderBy(docUpdates.seq).all();
}

/** The stored snapshot of `docName` (undefined until it is first compacted). */
export function storedSnapshot(server: SyncTestServer, docName: string) {
  const { db } = server.deps.database;
  return db.select().from(docSnapshots).where(eq(docSnapshots.docName, docName)).get();
}
