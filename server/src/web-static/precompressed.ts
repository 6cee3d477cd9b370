import { readFile, stat } from 'node:fs/promises';

/** Encodings the web build writes beside each compressible file (`web/scripts/precompress.ts`), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export type ContentEncoding = (typeof ENCODINGS)[number]['name'];

/**
 * The encodings an `Accept-Encoding` header allows, honouring `q=0` (RFC 9110 §12.5.3): `br;q=0, gzip` allows
 * gzip only; `*` allows both unless they are named with q=0.
 */
export function acceptedEncodings(header: string | undefined): Set<ContentEncoding> {
  const accepted = new Set<ContentEncoding>();
  const refused = new Set<string>();
  let wildcard = false;
  for (const part of (header ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!(weight > 0)) {
      refused.add(token);
      continue;
    }
    if (token === '*') wildcard = true;
    else if (token === 'br' || token === 'gzip') accepted.add(token);
  }
  if (wildcard) for (const { name } of ENCODINGS) if (!refused.has(name)) accepted.add(name);
  return accepted;
}

/**
 * The best precompressed copy of `file` the client accepts, read whole (used for the small SPA shell, which is
 * answered for every deep link); null when there is none and the plain file should be sent.
 */
export async function readPrecompressed(
  file: string,
  acceptEncoding: string | undefined,
): Promise<{ encoding: ContentEncoding; body: Buffer } | null> {
  const accepted = acceptedEncodings(acceptEncoding);
  for (const { name, suffix } of ENCODINGS) {
    if (!accepted.has(name)) continue;
    const variant = `${file}${suffix}`;
    const found = await stat(variant).catch(() => null);
    if (found?.isFile()) return { encoding: name, body: await readFile(variant) };
  }
  return null;
}
