import { documentBlobRefs, documentToJSON, parseDocName } from '@anguan/model';
import type { Db } from '../db/client.js';
import { replaceDocRefs } from '../blobs/queries.js';
import type { SyncService } from '../sync/sync-service.js';
import type { Materializer } from './materializer.js';

/**
 * What runs when a document settles: decode it to JSON once, refresh which blobs it references (blob reads are
 * authorized against those), then hand the JSON to the {@link Materializer}.
 */
export function materializeDocument(deps: { db: Db; sync: SyncService; materializer: Materializer }) {
  return async (docName: string): Promise<void> => {
    const { kind } = parseDocName(docName);
    const json = deps.sync.withDoc(docName, (doc) => documentToJSON(kind, doc));
    replaceDocRefs(deps.db, docName, documentBlobRefs(json));
    await deps.materializer.materialize(docName, json);
  };
}
