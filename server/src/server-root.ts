import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `server/` folder (it holds `drizzle/` and sits beside `web/`), found from this module's location: that is
 * `src/…` when the server runs from source and `dist/main.js` when it runs bundled, at different depths.
 */
export const serverRoot = findServerRoot(path.dirname(fileURLToPath(import.meta.url)));

function findServerRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'drizzle')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no server folder (with drizzle/) above ${start}`);
  }
}
