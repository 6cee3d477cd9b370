// Bundles the server (src/main.ts and the workspace packages it imports) into dist/main.js, so production runs
// plain JavaScript: no TypeScript loader in memory or on the start-up path. npm dependencies stay external and
// load from node_modules as they are (better-sqlite3 and argon2 are native).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(serverRoot, 'package.json'), 'utf8'));
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@anguan/'));

await build({
  absWorkingDir: serverRoot,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  external,
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
