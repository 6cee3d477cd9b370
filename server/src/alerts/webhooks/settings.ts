import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps.js';
import { enterpriseWebhooks } from '../../db/schema/index.js';
import { badRequest } from '../../http/errors.js';
import type { WebhookKind } from './format.js';

export interface WebhookSettings {
  kind: WebhookKind;
  url: string;
  /** Whether a 钉钉 secret is set; the secret itself is never returned. */
  signed: boolean;
}

/**
 * Only https:// robot addresses are accepted. `config.allowLoopbackWebhooks` (tests) also admits http://127.0.0.1,
 * so a test receiver never has to be anything but the local machine.
 */
export function checkWebhookUrl(deps: AppDeps, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('invalid_webhook_url', 'Webhook 地址格式不正确');
  }
  const loopback = url.protocol === 'http:' && url.hostname === '127.0.0.1';
  if (url.protocol === 'https:' && !url.username && !url.password) return url.toString();
  if (loopback && deps.config.allowLoopbackWebhooks === true) return url.toString();
  throw badRequest('invalid_webhook_url', 'Webhook 地址必须以 https:// 开头');
}

export async function getWebhookSettings(
  deps: AppDeps,
  enterpriseId: string,
): Promise<WebhookSettings | null> {
  const [row] = await deps.database.db
    .select()
    .from(enterpriseWebhooks)
    .where(eq(enterpriseWebhooks.enterpriseId, enterpriseId));
  return row ? { kind: row.kind, url: row.url, signed: row.secret !== null } : null;
}

export async function saveWebhookSettings(
  deps: AppDeps,
  enterpriseId: string,
  input: unknown,
): Promise<WebhookSettings | null> {
  const { db } = deps.database;
  if (input === null || (typeof input === 'object' && (input as { url?: unknown }).url === '')) {
    await db.delete(enterpriseWebhooks).where(eq(enterpriseWebhooks.enterpriseId, enterpriseId));
    return null;
  }
  const body = (input ?? {}) as { kind?: unknown; url?: unknown; secret?: unknown };
  if (body.kind !== 'wecom' && body.kind !== 'dingtalk') {
    throw badRequest('invalid_webhook_kind', '请选择企业微信或钉钉');
  }
  if (typeof body.url !== 'string') throw badRequest('invalid_webhook_url', '请填写 Webhook 地址');
  if (
    body.secret !== undefined &&
    body.secret !== null &&
    (typeof body.secret !== 'string' || body.secret.length > 200)
  ) {
    throw badRequest('invalid_webhook_secret', '加签密钥格式不正确');
  }
  const url = checkWebhookUrl(deps, body.url);
  const secret =
    body.kind === 'dingtalk' && typeof body.secret === 'string' && body.secret !== '' ? body.secret : null;
  const row = { enterpriseId, kind: body.kind, url, secret, updatedAt: deps.now() } as const;
  await db
    .insert(enterpriseWebhooks)
    .values(row)
    .onConflictDoUpdate({ target: enterpriseWebhooks.enterpriseId, set: row });
  return { kind: row.kind, url, signed: secret !== null };
}
