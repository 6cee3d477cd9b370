import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Runes mode for our own files, library default elsewhere (what `npx sv create` generates).
    runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true),
  },
  kit: {
    // SPA: the server answers unknown paths with index.html (see server/src/web-static/routes.ts).
    adapter: adapter({ fallback: 'index.html' }),
    // Registered by hand through workbox-window, so the update prompt sees every lifecycle event.
    serviceWorker: { register: false },
    // The server sends a strict CSP without inline scripts (server/src/http/security-headers.ts); kit adds the
    // hash of its inline bootstrap to a <meta> CSP here. Both policies apply, so this one names only scripts and
    // stays no stricter than the server's.
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
  },
};

export default config;
