import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from './errors.js';

export interface BodyLimitRule {
  /** Matches `c.req.path` (the full path, e.g. `/api/documents/x/seal`). */
  readonly pattern: RegExp;
  /** The largest body accepted, in bytes; `null` leaves the route to cap its own stream (blob uploads). */
  readonly maxBytes: number | null;
}

/**
 * Caps request bodies before anything reads them (issue 12 item 1): a declared `Content-Length` above the limit is
 * refused without reading a byte, a chunked body is cut as soon as it passes the limit. The first matching rule
 * wins, else `defaultMaxBytes`. The 413 closes the connection so the client stops sending the rest.
 */
export function limitBodies(defaultMaxBytes: number, rules: readonly BodyLimitRule[]): MiddlewareHandler {
  const cache = new Map<number, MiddlewareHandler>();
  const limiterFor = (maxSize: number) => {
    let limiter = cache.get(maxSize);
    if (!limiter) {
      limiter = bodyLimit({
        maxSize,
        onError: (c) => {
          c.header('Connection', 'close');
          throw new AppError(413, 'body_too_large', '请求内容过大');
        },
      });
      cache.set(maxSize, limiter);
    }
    return limiter;
  };
  return async (c, next) => {
    const rule = rules.find((r) => r.pattern.test(c.req.path));
    const maxBytes = rule ? rule.maxBytes : defaultMaxBytes;
    if (maxBytes === null) await next();
    else await limiterFor(maxBytes)(c, next);
    // A large upload refused before its body was read (no permission, wrong type) leaves bytes on the connection,
    // which the adapter drops after a short drain by closing it: tell the client not to send its next request there.
    if (c.res.status >= 400 && Number(c.req.header('content-length') ?? 0) > defaultMaxBytes) {
      c.header('Connection', 'close');
    }
  };
}
