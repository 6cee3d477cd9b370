import { ApiError } from '$lib/api';
import { authManager } from '$lib/managers/auth-manager.svelte';
import { toastManager } from '$lib/managers/toast-manager.svelte';

function isAbort(error: unknown): boolean {
  return (error instanceof DOMException || error instanceof Error) && error.name === 'AbortError';
}

/**
 * The web boundary's one error handler (STYLE.md rule 8): ignores aborted requests, logs, and toasts a zh-CN
 * message: the server's own message for an {@link ApiError}, else `zhMessage`. A 401 signs the user out.
 *
 * @param error - Whatever was thrown.
 * @param zhMessage - What the user was trying to do, e.g. `'加载账号列表失败'`.
 * @returns The message shown, or `undefined` for an abort.
 */
export function handleError(error: unknown, zhMessage: string): string | undefined {
  if (isAbort(error)) return undefined;
  if (error instanceof ApiError && error.status === 401) {
    // The session ended (expired, password changed elsewhere, account disabled): the shell redirects to 登录.
    authManager.expire();
    toastManager.info('登录已过期，请重新登录');
    return undefined;
  }
  console.error(`[anguan] ${zhMessage}`, error);
  const message = error instanceof ApiError ? `${zhMessage}：${error.message}` : zhMessage;
  toastManager.error(message);
  return message;
}
