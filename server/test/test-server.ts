import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig, type Config } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';

export interface TestServer extends RunningServer {
  /** A settable clock: tests advance it instead of sleeping. */
  clock: { now: Date; advance(ms: number): void };
  dispose(): Promise<void>;
}

/** A real server on 127.0.0.1:0 with a fresh DATA_DIR and real SQLite; the clock is the test's. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'anguan-test-'));
  const clock = {
    now: new Date('2026-03-15T02:00:00Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const config: Config = {
    ...defaultConfig,
    port: 0,
    hostname: '127.0.0.1',
    dataDir,
    webRoot: null,
    ...overrides,
  };
  const server = await startServer(config, { now: () => clock.now });
  return {
    ...server,
    clock,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A browser-like client: keeps cookies, sends a same-origin Origin header and JSON bodies. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly baseUrl: string,
    private origin: string = baseUrl,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(this.baseUrl + url, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { origin: this.origin }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookies.size ? { cookie: this.cookieHeader } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.trim());
    }
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    return { status: response.status, headers: response.headers, json: json as any };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
}
