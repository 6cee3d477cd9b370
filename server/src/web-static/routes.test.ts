import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { webStaticRoutes } from './routes.js';

const BIG_SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => `检查项 ${i}`))};`;

let webRoot: string;
let app: ReturnType<typeof webStaticRoutes>;

beforeAll(() => {
  webRoot = mkdtempSync(path.join(tmpdir(), 'anguan-web-'));
  mkdirSync(path.join(webRoot, '_app/immutable/entry'), { recursive: true });
  writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>安管</title>');
  writeFileSync(path.join(webRoot, '_app/immutable/entry/app.abc123.js'), 'export {}');
  writeFileSync(path.join(webRoot, 'service-worker.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(path.join(webRoot, 'manifest.webmanifest'), '{}');
  // What `web/scripts/precompress.ts` writes beside each text file of the build.
  const asset = path.join(webRoot, '_app/immutable/chunks/big.def456.js');
  mkdirSync(path.dirname(asset), { recursive: true });
  writeFileSync(asset, BIG_SCRIPT);
  writeFileSync(`${asset}.br`, brotliCompressSync(BIG_SCRIPT));
  writeFileSync(`${asset}.gz`, gzipSync(BIG_SCRIPT));
  writeFileSync(
    path.join(webRoot, 'index.html.br'),
    brotliCompressSync('<!doctype html><title>安管</title>'),
  );
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

describe('precompressed assets', () => {
  const ASSET = '/_app/immutable/chunks/big.def456.js';

  it('sends the brotli copy of a script to a browser that accepts it, with the right headers', async () => {
    const res = await app.request(ASSET, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(Buffer.byteLength(BIG_SCRIPT) / 3);
    expect(brotliDecompressSync(body).toString()).toBe(BIG_SCRIPT);
  });

  it('sends the gzip copy when brotli is not accepted', async () => {
    const res = await app.request(ASSET, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(BIG_SCRIPT);
  });

  it('sends the plain file, still varying by encoding, to a client that accepts no compression', async () => {
    const res = await app.request(ASSET);
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(await res.text()).toBe(BIG_SCRIPT);
  });

  it('answers a deep link with the compressed shell', async () => {
    const res = await app.request('/projects', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toContain(
      '<title>安管</title>',
    );
  });
});
