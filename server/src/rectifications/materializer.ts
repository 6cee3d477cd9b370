import { parseDocName, type DocumentJSON } from '@anguan/model';
import type { Materializer } from '../materializer/materializer.js';
import { writeRectificationRow, type RowDeps } from './rows.js';

/**
 * The materializer of `rectification:<inspection uuid>` documents: refreshes the rectification's row (state,
 * rounds, last activity, closing figures) whenever the document settles. Other kinds are none of its business;
 * a per-kind composition hands it the rectification kind only.
 */
export class RectificationMaterializer implements Materializer {
  constructor(private readonly deps: RowDeps) {}

  async materialize(docName: string, json: DocumentJSON): Promise<void> {
    if (json.kind !== 'rectification') return;
    await writeRectificationRow(this.deps, parseDocName(docName).id);
  }
}
