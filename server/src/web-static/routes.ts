import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built SPA: hashed assets cached for a year, everything else (index.html, service-worker.js,
 * manifest) revalidated on each load so a deploy reaches every device; unknown paths fall back to index.html.
 * Mounted last, after /api and /sync.
 */
export function webStaticRoutes(webRoot: string) {
  const indexFile = path.join(webRoot, 'index.html');
  return new Hono()
    .use(
      '*',
      serveStatic({
        root: webRoot,
        onFound: (filePath, c) => {
          const hashed = filePath.includes(`${path.sep}_app${path.sep}immutable${path.sep}`);
          c.header('Cache-Control', hashed ? IMMUTABLE : REVALIDATE);
          if (filePath.endsWith('service-worker.js')) c.header('Service-Worker-Allowed', '/');
        },
      }),
    )
    .get('*', async (c) => {
      try {
        const html = await readFile(indexFile, 'utf8');
        c.header('Cache-Control', REVALIDATE);
        return c.html(html);
      } catch {
        return c.text('前端尚未构建：请先运行 pnpm build', 503);
      }
    });
}
