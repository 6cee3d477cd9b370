/**
 * Puts our server in the state a real user meets: a registered enterprise, a session cookie, a project the
 * enterprise owns and every benchmark document registered through the API before it syncs (DESIGN "Documents").
 *
 * @module
 */
import path from 'node:path';
import Database from 'better-sqlite3';

/** The sample enterprise (valid check digits; see the brief). */
const ACCOUNT = {
  creditCode: '91320100MA1MXX0A01',
  name: '基准测试建筑有限公司',
  password: 'Anquan2026',
  contactName: '基准',
  contactIdNumber: '320102198506120034',
  contactPhone: '13812345678',
} as const;

/** Document registrations in flight at once. */
const REGISTER_CONCURRENCY = 8;
/**
 * Connections the benchmark puts on one user. The server caps connections per user (`MAX_CONNECTIONS_PER_USER` in
 * `@anguan/model`, 64), so larger runs spread their clients over inspector accounts of the same enterprise, as a
 * real site would.
 */
export const CONNECTIONS_PER_USER = 48;

/** What the benchmark needs to connect to our server. */
export interface AnguanSession {
  /** `anguan_session=<token>` of the enterprise account (registers documents). */
  readonly cookie: string;
  /** One cookie per user whose sessions the clients use, the enterprise account first. */
  readonly cookies: readonly string[];
  readonly projectId: string;
}

async function post(baseUrl: string, route: string, body: unknown, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: baseUrl };
  if (cookie) headers.cookie = cookie;
  const response = await fetch(baseUrl + route, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`POST ${route}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

async function login(baseUrl: string, loginName: string): Promise<string> {
  const response = await post(baseUrl, '/api/auth/login', { login: loginName, password: ACCOUNT.password });
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('anguan_session='));
  if (!setCookie) throw new Error('login did not set anguan_session');
  return setCookie.split(';')[0] as string;
}

/**
 * Registers the enterprise, logs in, inserts one project it owns straight into SQLite, and creates enough
 * inspector accounts (logged in) to hold `maxConnections` at {@link CONNECTIONS_PER_USER} each.
 */
export async function prepareAnguan(
  baseUrl: string,
  dataDir: string,
  maxConnections: number,
): Promise<AnguanSession> {
  await post(baseUrl, '/api/auth/register', ACCOUNT);
  const cookie = await login(baseUrl, ACCOUNT.creditCode);
  const projectId = insertProject(path.join(dataDir, 'anguan.sqlite'));
  const cookies = [cookie];
  for (let i = 1; i < Math.ceil(maxConnections / CONNECTIONS_PER_USER); i++) {
    const phone = `139${String(i).padStart(8, '0')}`;
    const inspector = { role: 'inspector', name: `检查员${i}`, phone, password: ACCOUNT.password };
    await post(baseUrl, '/api/members', inspector, cookie);
    cookies.push(await login(baseUrl, phone));
  }
  return { cookie, cookies, projectId };
}

function insertProject(file: string): string {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    const enterprise = db
      .prepare('SELECT id FROM enterprises WHERE credit_code = ?')
      .get(ACCOUNT.creditCode) as { id: string } | undefined;
    if (!enterprise) throw new Error('registered enterprise not found in SQLite');
    const id = crypto.randomUUID();
    db.prepare(
      `INSERT INTO projects (id, filing_number, name, constructor_credit_code, constructor_name, enterprise_id, status)
       VALUES (?, ?, ?, ?, ?, ?, 'in_construction')`,
    ).run(id, `BENCH-${id.slice(0, 8)}`, '基准测试项目', ACCOUNT.creditCode, ACCOUNT.name, enterprise.id);
    return id;
  } finally {
    db.close();
  }
}

/** Registers each `inspection:<uuid>` document with `POST /api/documents`, a few at a time. */
export async function registerAnguanDocs(
  baseUrl: string,
  session: AnguanSession,
  names: readonly string[],
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] as string;
      const body = {
        name,
        kind: 'inspection',
        projectId: session.projectId,
        method: 'jgj59',
        origin: 'enterprise',
      };
      await post(baseUrl, '/api/documents', body, session.cookie);
    }
  };
  await Promise.all(Array.from({ length: REGISTER_CONCURRENCY }, worker));
}
