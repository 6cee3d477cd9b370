import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MiddlewareHandler } from 'hono';

/**
 * Security headers on every response (issue 12 item 7; the policy is written down in /work/notes/csp.md for the
 * web app). No inline script is allowed except the exact inline scripts of the built `index.html` (SvelteKit's
 * bootstrap), which are hashed here so the SPA needs no build-time CSP configuration.
 */
export function securityHeaders(options: {
  webRoot: string | null;
  secureCookies: boolean;
}): MiddlewareHandler {
  const inlineHashes = options.webRoot
    ? inlineScriptHashes(path.join(options.webRoot, 'index.html'))
    : () => [];
  return async (c, next) => {
    await next();
    const host = c.req.header('host');
    const headers = c.res.headers;
    // A route that set its own policy (blobs: sandbox) keeps it.
    if (!headers.has('content-security-policy')) {
      headers.set('Content-Security-Policy', pagePolicy(inlineHashes(), host));
    }
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.secureCookies) {
      headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  };
}

export function pagePolicy(scriptHashes: readonly string[], host: string | undefined): string {
  const sockets = host && /^[\w.:[\]-]+$/.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'sha256-${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What blob responses carry instead: rendered alone, a blob can run nothing (issue 12 item 7). */
export const BLOB_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";

/** Base64 SHA-256 of every inline `<script>` body of `file`, re-read when the file changes (a new build). */
function inlineScriptHashes(file: string): () => string[] {
  let cached: { mtimeMs: number; hashes: string[] } | null = null;
  return () => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return [];
    }
    if (cached?.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, hashes: hashInlineScripts(readFileSync(file, 'utf8')) };
    }
    return cached.hashes;
  };
}

export function hashInlineScripts(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(
      createHash('sha256')
        .update(match[1] ?? '', 'utf8')
        .digest('base64'),
    );
  }
  return hashes;
}
