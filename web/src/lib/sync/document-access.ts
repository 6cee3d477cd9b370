/**
 * What the signed-in user may do with one document, as the server answers it (`GET /api/documents/<name>`).
 * The one place the web app learns writability: pages never guess it from roles (DESIGN "Roles": the server
 * decides, e.g. a 项目部 reads but cannot write an enterprise inspection of its own project).
 *
 * @module
 */
import { ApiError, request } from '$lib/api/client';

/**
 * `write` / `read`: the server's answer; `forbidden` (403) and `missing` (404): the server refuses the document,
 * so there is nothing to sync; `unknown`: not asked yet or the server could not be reached.
 */
export type DocumentAccess = 'unknown' | 'read' | 'write' | 'forbidden' | 'missing';

/** The answer of an access check; `unreachable` (offline) and `signed-out` (401) leave the access unknown. */
export type AccessAnswer = Exclude<DocumentAccess, 'unknown'> | 'unreachable' | 'signed-out';

/** Asks the server once. Never rejects except for an `AbortError`. */
export async function fetchDocumentAccess(docName: string, signal?: AbortSignal): Promise<AccessAnswer> {
  try {
    const { document } = await request<{ document: { access: 'read' | 'write' } }>(
      'GET',
      `/documents/${encodeURIComponent(docName)}`,
      undefined,
      { signal },
    );
    return document.access === 'write' ? 'write' : 'read';
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 403) return 'forbidden';
    if (error.status === 404) return 'missing';
    if (error.status === 401) return 'signed-out';
    return 'unreachable';
  }
}

/** Whether the server refused the document for good (no socket, no retries). */
export const isRefused = (access: DocumentAccess): access is 'forbidden' | 'missing' =>
  access === 'forbidden' || access === 'missing';

/** zh-CN sentence for a refused document. */
export function refusalMessage(access: 'forbidden' | 'missing'): string {
  return access === 'forbidden' ? '无权查看：您没有查看此文档的权限' : '不存在：该文档不存在或已被删除';
}
