import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPrecompressed } from './precompressed.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const HASHED_ASSETS = '/_app/immutable/';

/**
 * Serves the built SPA: hashed assets cached for a year, everything else (index.html, service-worker.js,
 * manifest) revalidated on each load so a deploy reaches every device; unknown paths fall back to index.html.
 * Text files go out as the brotli or gzip copy the build wrote beside them (`web/scripts/precompress.ts`) when
 * the browser accepts it, with `Vary: Accept-Encoding` so caches keep the variants apart. Mounted last, after
 * /api and /sync.
 */
export function webStaticRoutes(webRoot: string) {
  const indexFile = path.join(webRoot, 'index.html');
  return (
    new Hono()
      // serveStatic builds its response before its onFound hook runs, so the header is set up front.
      .use('*', async (c, next) => {
        c.header('Cache-Control', c.req.path.startsWith(HASHED_ASSETS) ? IMMUTABLE : REVALIDATE);
        await next();
        // Every answer here may differ by encoding (the shell and assets); say so for the plain copy too.
        if (!c.res.headers.has('Vary')) c.res.headers.set('Vary', 'Accept-Encoding');
      })
      .use('*', serveStatic({ root: webRoot, precompressed: true }))
      // A missing hashed asset must not be answered with HTML: a cached HTML "script" would break the app.
      .get(`${HASHED_ASSETS}*`, (c) => {
        c.header('Cache-Control', 'no-store');
        return c.text('Not Found', 404);
      })
      .get('*', async (c) => {
        try {
          const compressed = await readPrecompressed(indexFile, c.req.header('Accept-Encoding'));
          if (!compressed) return c.html(await readFile(indexFile, 'utf8'));
          c.header('Content-Encoding', compressed.encoding);
          c.header('Content-Type', 'text/html; charset=UTF-8');
          return c.body(new Uint8Array(compressed.body));
        } catch {
          c.header('Cache-Control', 'no-store');
          return c.text('前端尚未构建：请先运行 pnpm build', 503);
        }
      })
  );
}
