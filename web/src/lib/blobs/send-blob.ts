import { send } from '$lib/outbox/send';
import type { SendOutcome } from '$lib/outbox/outbox-queue';
import type { StoredBlob } from './blob-store';

/** Uploads one blob through `PUT /api/blobs/<sha256>` (raw body; the server checks hash, size and type). */
export function sendBlob(blob: StoredBlob): Promise<SendOutcome> {
  return send(`/api/blobs/${blob.hash}?doc=${encodeURIComponent(blob.docName)}`, {
    method: 'PUT',
    headers: { 'content-type': blob.type },
    body: blob.data,
  });
}
