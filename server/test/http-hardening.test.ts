import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { startTestServer, TestClient, type TestServer } from './test-server.js';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.dispose());

const MiB = 1024 * 1024;

/**
 * Streams up to `total` bytes of a JSON-looking body to `route` and reports how many were written when the
 * response arrived. `declareLength` sends Content-Length (else chunked).
 */
function streamBody(route: string, total: number, declareLength: boolean) {
  return new Promise<{ status: number; written: number; body: string }>((resolve, reject) => {
    const url = new URL(server.url + route);
    let written = 0;
    let answered = false;
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          origin: server.url,
          'content-type': 'application/json',
          ...(declareLength ? { 'content-length': String(total) } : {}),
        },
      },
      (res) => {
        answered = true;
        const writtenAtResponse = written;
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, written: writtenAtResponse, body });
          req.destroy();
        });
      },
    );
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.write('{"login":"x","password":"');
    pump();
  });
}

describe('JSON body limits (issue 12 item 1)', () => {
  it('answers a 200 MB login body with 413 after reading at most a few MB, declared or chunked', async () => {
    const rssBefore = process.memoryUsage().rss;
    for (const declareLength of [true, false]) {
      const result = await streamBody('/api/auth/login', 200 * MiB, declareLength);
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body).error).toEqual({ code: 'body_too_large', message: '请求内容过大' });
      // The sender got its answer long before it could push the whole body (nothing buffered it).
      expect(result.written).toBeLessThan(20 * MiB);
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MiB);
    const client = new TestClient(server.url);
    expect((await client.get('/api/health')).status).toBe(200);
  });

  it('still accepts an ordinary body and gives the seal route more room than the default', async () => {
    const client = new TestClient(server.url);
    expect((await client.post('/api/auth/login', { login: 'nobody', password: 'Wrong12345' })).status).toBe(
      401,
    );
    const big = { stateVector: 'A'.repeat(100_000) };
    const seal = await client.post('/api/documents/inspection:x/seal', big);
    expect(seal.status).toBe(401); // reached the route (signed out), not refused for its size
    const other = await client.post('/api/auth/logout', big);
    expect(other.status).toBe(413);
  });

  it('asks the client not to reuse a connection whose large upload was refused unread', async () => {
    const body = new Uint8Array(2 * MiB);
    const refused = await fetch(`${server.url}/api/registry/projects/import`, {
      method: 'POST',
      headers: { origin: server.url, 'content-type': 'text/csv' },
      body,
    });
    expect(refused.status).toBe(401); // signed out: refused before the body is read
    expect(refused.headers.get('connection')).toBe('close');
    const small = await fetch(`${server.url}/api/auth/me`, { headers: { origin: server.url } });
    expect(small.headers.get('connection')).not.toBe('close');
  });
});

describe('security headers (issue 12 item 7)', () => {
  it('sends a strict policy on API answers, errors and the SPA, hashing the inline bootstrap script', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'anguan-web-'));
    const inline = 'console.log("boot")';
    writeFileSync(path.join(webRoot, 'index.html'), `<html><body><script>${inline}</script></body></html>`);
    const withWeb = await startTestServer({ webRoot });
    try {
      for (const route of ['/api/health', '/api/nothing-here', '/projects/123']) {
        const res = await fetch(withWeb.url + route);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(csp).not.toContain("'unsafe-inline' 'self'");
        expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
        expect(csp).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
        expect(csp).toContain(`ws://${new URL(withWeb.url).host}`);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(res.headers.get('permissions-policy')).toContain('camera=(self)');
        expect(res.headers.get('strict-transport-security')).toBeNull();
      }
    } finally {
      await withWeb.dispose();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it('adds HSTS only when SECURE_COOKIES is on', async () => {
    const secure = await startTestServer({ secureCookies: true });
    try {
      const res = await fetch(secure.url + '/api/health');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      await secure.dispose();
    }
  });
});
