import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** One vitest run covers every package's unit and integration tests; Playwright specs live in web/tests. */
export default defineConfig({
  // SvelteKit's $lib alias, for web modules that are plain TypeScript (no runes, no $app imports).
  resolve: { alias: { $lib: fileURLToPath(new URL('./web/src/lib', import.meta.url)) } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'server/src/**/*.test.ts',
      'server/test/**/*.test.ts',
      'web/src/**/*.test.ts',
      'bench/src/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
