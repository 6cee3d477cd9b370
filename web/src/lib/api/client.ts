/**
 * The one place that talks HTTP to `/api`: JSON in, JSON out, same-origin cookies, failures as {@link ApiError}.
 *
 * @module
 */
import type { ApiErrorBody } from './types';

/** A failed API call. `message` is the server's zh-CN sentence, ready for the UI. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never reached the server (offline, DNS, aborted connection). */
    readonly status: number,
    /** Stable machine code, e.g. `invalid_credentials`, `locked`, `network`. */
    readonly code: string,
    message: string,
    /** The request field the error is about, when the server names one (`creditCode`, `phone`…). */
    readonly field?: string,
    /** Extra details, e.g. `unlockAt` for `locked`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** True when the network, not the server, failed. */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const NETWORK_MESSAGE = '无法连接服务器，请检查网络后重试';

function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const error = (body as { error?: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function parseError(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  if (isErrorBody(body)) {
    const { code, message, field, ...details } = body.error;
    return new ApiError(response.status, code, message, field, details);
  }
  return new ApiError(response.status, 'http_error', `请求失败（${response.status}），请稍后重试`);
}

/** Options of {@link request}. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * Calls the API. Resolves with the parsed JSON body (`undefined` for 204), rejects with {@link ApiError}
 * (an `AbortError` passes through untouched so callers can ignore it).
 */
export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        method === 'GET'
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      // Every write carries a JSON body: the server accepts nothing else on state-changing routes.
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) throw await parseError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * Posts a file as the raw request body (the registry imports), with the same error handling as {@link request}.
 */
export async function postFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': contentType },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!response.ok) throw await parseError(response);
  return (await response.json()) as T;
}
