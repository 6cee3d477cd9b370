import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { webStaticRoutes } from './routes.js';

let webRoot: string;
let app: ReturnType<typeof webStaticRoutes>;

beforeAll(() => {
  webRoot = mkdtempSync(path.join(tmpdir(), 'anguan-web-'));
  mkdirSync(path.join(webRoot, '_app/immutable/entry'), { recursive: true });
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>安管</title>');
  writeFileSync(path.join(webRoot, '_app/immutable/entry/app.abc123.js'), 'export {}');
  writeFileSync(path.join(webRoot, 'service-worker.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(path.join(webRoot, 'manifest.webmanifest'), '{}');
  app = webStaticRoutes(webRoot);
});
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

describe('serving the built web app', () => {
  it('caches hashed assets for a year', async () => {
    const res = await app.request('/_app/immutable/entry/app.abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('revalidates the service worker and index.html on every load, so a deploy reaches every device', async () => {
    const sw = await app.request('/service-worker.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const index = await app.request('/index.html');
    expect(index.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers deep links with the SPA shell', async () => {
    const res = await app.request('/members');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>安管</title>');
  });

  it('never serves files from outside the web root', async () => {
    const res = await app.request('/../../etc/passwd');
    expect(await res.text()).not.toContain('root:');
  });
});

describe('a hashed asset that does not exist', () => {
  it('is a 404, never the HTML shell under a one-year cache', async () => {
    const res = await app.request('/_app/immutable/entry/gone.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
