/**
 * What the signed-in user may do with one document, from `GET /api/documents/:name`, kept on the device so a
 * page opened with no network still hides controls the user may not use.
 *
 * @module
 */
import { ApiError, request } from '$lib/api';

export interface DocumentAccess {
  access: 'read' | 'write';
  sealedAt: string | null;
}

const cacheKey = (name: string) => `anguan.docAccess.${name}`;

/** The device's last answer for `name`, or null (none kept, or storage unavailable). */
export function cachedDocumentAccess(name: string): DocumentAccess | null {
  try {
    const cached = localStorage.getItem(cacheKey(name));
    return cached ? (JSON.parse(cached) as DocumentAccess) : null;
  } catch {
    return null;
  }
}

/**
 * The server's answer, else the device's last one. A doc this device created and has not registered yet is the
 * user's own (write); a doc never seen online with no cached answer is read-only until the server says otherwise.
 */
export async function loadDocumentAccess(name: string): Promise<DocumentAccess & { fromCache: boolean }> {
  try {
    const { document } = await request<{ document: DocumentAccess }>(
      'GET',
      `/documents/${encodeURIComponent(name)}`,
    );
    const answer = { access: document.access, sealedAt: document.sealedAt };
    localStorage.setItem(cacheKey(name), JSON.stringify(answer));
    return { ...answer, fromCache: false };
  } catch (error) {
    const cached = localStorage.getItem(cacheKey(name));
    if (cached) return { ...(JSON.parse(cached) as DocumentAccess), fromCache: true };
    // Not registered yet (created offline on this device, the outbox still holds it) or no network.
    if (error instanceof ApiError && (error.isNetwork || error.status === 404)) {
      return { access: 'write', sealedAt: null, fromCache: true };
    }
    throw error;
  }
}

/** Remembers a seal this device made, so the page stays read-only offline. */
export function rememberSealed(name: string, sealedAt: string): void {
  localStorage.setItem(cacheKey(name), JSON.stringify({ access: 'read', sealedAt }));
}
