import { sveltekit } from '@sveltejs/kit/vite';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * The standards catalogs are large JSON files (hundreds of KB). Bundled as object literals they cost a slow phone
 * far more to parse than the same text given to `JSON.parse` (V8's fast path), on the offline open of an
 * inspection. `json.stringify` does not reach `with { type: 'json' }` imports under Vite 8, hence this.
 */
function jsonAsParse(): Plugin {
  return {
    name: 'anguan-json-as-parse',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]packages[\\/]standards[\\/]src[\\/].+\.json$/.test(id)) return null;
      const text = JSON.stringify(JSON.parse(readFileSync(id, 'utf8')));
      return { code: `export default JSON.parse(${JSON.stringify(text)});`, moduleType: 'js' };
    },
  };
}

export default defineConfig({
  plugins: [jsonAsParse(), sveltekit()],
  server: {
    // `pnpm dev`: the API runs separately (`pnpm start` on 8080).
    proxy: { '/api': 'http://127.0.0.1:8080', '/sync': { target: 'ws://127.0.0.1:8080', ws: true } },
  },
});
