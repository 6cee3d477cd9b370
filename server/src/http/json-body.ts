import type { Context } from 'hono';
import { badRequest } from './errors.js';

/** Reads a JSON object body; anything else is a 400 with a clear message rather than a crash. */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('invalid_json', '请求内容不是有效的 JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('invalid_json', '请求内容必须是 JSON 对象');
  }
  return body as Record<string, unknown>;
}

/** A required string field, trimmed unless `raw`; a 400 naming the field when missing or not a string. */
export function stringField(
  body: Record<string, unknown>,
  field: string,
  label: string,
  options: { raw?: boolean; maxLength?: number } = {},
): string {
  const value = body[field];
  if (typeof value !== 'string') {
    throw badRequest('missing_field', `请填写${label}`, { field });
  }
  const result = options.raw ? value : value.trim();
  if (result === '') throw badRequest('missing_field', `请填写${label}`, { field });
  if (result.length > (options.maxLength ?? 200)) {
    throw badRequest('field_too_long', `${label}过长`, { field });
  }
  return result;
}
