import type { MiddlewareHandler } from 'hono';
import { AppError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must come from our own pages: a same-origin `Origin` header (browsers always send it on
 * POST/PUT/PATCH/DELETE fetches) and, except for uploads, a JSON body — which a cross-site HTML form cannot send.
 */
export function requireSameOrigin(options: {
  trustedOrigins: readonly string[];
  uploadPaths: readonly string[];
}): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    const allowed =
      origin !== undefined &&
      (options.trustedOrigins.includes(origin) || (host !== undefined && hostOf(origin) === host));
    if (!allowed) {
      throw new AppError(403, 'cross_origin', '请求来源不被允许');
    }
    const isUpload = options.uploadPaths.some((p) => c.req.path.startsWith(p));
    const type = c.req.header('content-type') ?? '';
    const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('transfer-encoding');
    if (!isUpload && hasBody && !type.toLowerCase().startsWith('application/json')) {
      throw new AppError(415, 'unsupported_media_type', '请求内容必须是 JSON');
    }
    return next();
  };
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // e.g. the literal "null" origin of sandboxed frames
  }
}
