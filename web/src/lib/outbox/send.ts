import type { SendOutcome } from './outbox-queue';

/**
 * Classifies an HTTP answer for an outbox: 2xx is done; 401 (signed out for now), 408, 429 and 5xx are worth
 * retrying; any other 4xx will never succeed and is reported with the server's zh-CN message.
 */
export async function outcomeOf(response: Response): Promise<SendOutcome> {
  if (response.ok) return { kind: 'sent' };
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  const reason = body?.error?.message ?? `服务器返回 ${response.status}`;
  const retryable = [401, 408, 429].includes(response.status) || response.status >= 500;
  return { kind: retryable ? 'retry' : 'rejected', reason };
}

/** One same-origin request from an outbox; a network failure is retryable, never an exception. */
export async function send(url: string, init: RequestInit): Promise<SendOutcome> {
  try {
    return await outcomeOf(await fetch(url, { credentials: 'same-origin', ...init }));
  } catch {
    return { kind: 'retry', reason: '网络不可用，恢复后自动上传' };
  }
}
