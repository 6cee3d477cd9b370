/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the web build, so the server
 * sends JS, CSS, HTML, SVG and JSON compressed without compressing per request (server/src/web-static). Runs after
 * `vite build`; prints the before/after totals.
 *
 * @module
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt|xml)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** Compresses one file; keeps a copy only when it is smaller. Returns [original, brotli, gzip] byte counts. */
async function compress(file: string): Promise<[number, number, number]> {
  const data = await readFile(file);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
  if (br.length < data.length) await writeFile(`${file}.br`, br);
  if (gz.length < data.length) await writeFile(`${file}.gz`, gz);
  return [data.length, Math.min(br.length, data.length), Math.min(gz.length, data.length)];
}

async function main(): Promise<void> {
  const root = path.resolve(
    process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '../build'),
  );
  const totals = [0, 0, 0];
  let count = 0;
  for await (const file of files(root)) {
    if (!COMPRESSIBLE.test(file) || (await stat(file)).size < MIN_BYTES) continue;
    const sizes = await compress(file);
    sizes.forEach((size, i) => (totals[i] = (totals[i] ?? 0) + size));
    count += 1;
  }
  const kib = (bytes = 0) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `precompressed ${count} files in ${path.relative(process.cwd(), root) || '.'}: ${kib(totals[0])} → brotli ${kib(totals[1])}, gzip ${kib(totals[2])}`,
  );
}

await main();
