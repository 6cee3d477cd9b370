import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * A failure the client is meant to see: a stable machine `code`, a zh-CN `message` for people, an HTTP status.
 * Services throw these; the single `onError` mapper below turns them into `{ error: { code, message } }`.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '没有权限执行此操作') => new AppError(403, 'forbidden', message);
export const notFound = (message = '未找到') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);

/** The one error mapper for the HTTP boundary (STYLE.md rule 8). */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof AppError) {
    // Throttles and quotas (429) say when to come back, in the body for people and in the header for clients.
    if (typeof error.details?.retryAfter === 'number')
      {c.header('Retry-After', String(error.details.retryAfter));}
    return c.json({ error: { code: error.code, message: error.message, ...error.details } }, error.status);
  }
  if (error instanceof HTTPException) {
    return c.json({ error: { code: 'http_error', message: error.message || '请求无效' } }, error.status);
  }
  console.error(`[http] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, 500);
}
