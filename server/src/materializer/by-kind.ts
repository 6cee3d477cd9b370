import type { DocKind, DocumentJSON } from '@anguan/model';
import type { Materializer } from './materializer.js';

/** One materializer per document kind; a kind without one is not materialized (nothing reads its rows yet). */
export type MaterializersByKind = Partial<Record<DocKind, Materializer>>;

/**
 * Composes per-kind materializers into the one the scheduler runs: each feature (inspections, projects, …)
 * supplies its own for its kind, and `server.ts` lists them in one place.
 *
 * @example materializersByKind({ inspection: inspectionMaterializer(deps), project: projectMaterializer(deps) })
 */
export function materializersByKind(byKind: MaterializersByKind): Materializer {
  const table = { ...byKind };
  return Object.freeze({
    materialize: (docName: string, json: DocumentJSON) => table[json.kind]?.materialize(docName, json),
  });
}
