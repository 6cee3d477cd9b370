import type * as Y from 'yjs';
import {
  addFile,
  addSheet,
  addTerm,
  setComment,
  setDeduction,
  setSheetFlag,
  setTermNote,
  type InspectionMethod,
  type WriteOptions,
} from '@anguan/model';
import {
  DUST_CATALOG_VERSIONS,
  getDustCatalog,
  getInspectionTermTree,
  getJgj59Catalog,
  INSPECTION_TERM_TREE_VERSIONS,
  JGJ59_CATALOG_VERSIONS,
  walkTerms,
  type ScoreTable,
} from '@anguan/standards';
import type { DemoRandom } from './random.js';

/** A scan the demo's internal-standard inspections and monthly evaluations reference (stored as a real blob). */
export interface DemoScan {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

const jgj59 = getJgj59Catalog(JGJ59_CATALOG_VERSIONS[0]!);
const dust = getDustCatalog(DUST_CATALOG_VERSIONS[0]!);
const termTree = getInspectionTermTree(INSPECTION_TERM_TREE_VERSIONS[0]!);
const phrases = [...walkTerms(termTree.categories)].filter((n) => n.kind === 'phrase').map((n) => n.id);

export const CATALOG_VERSION: Readonly<Record<InspectionMethod, string | null>> = {
  jgj59: jgj59.catalogVersion,
  dust: dust.catalogVersion,
  terms: termTree.catalogVersion,
  internal: null,
};

const COMMENTS = [
  '现场安全管理总体受控，个别问题已要求整改。',
  '安全防护设施基本到位，资料需完善。',
  '整体较好，继续保持。',
];
const NOTES = ['已当场指出', '限期整改', '拍照留存'];

/** Fills an inspection's content for its method: sheets with deductions, terms with notes, or a scan. */
export function fillContent(
  doc: Y.Doc,
  method: InspectionMethod,
  random: DemoRandom,
  by: string,
  scans: readonly DemoScan[],
  options: WriteOptions,
): void {
  switch (method) {
    case 'jgj59':
    case 'dust': {
      const tables = (method === 'jgj59' ? jgj59 : dust).tables;
      for (let n = random.int(1, Math.min(3, tables.length)); n > 0; n--) {
        fillSheet(doc, random.pick(tables), random, options);
      }
      setComment(doc, random.pick(COMMENTS), options);
      return;
    }
    case 'terms':
      for (let n = random.int(2, 4); n > 0; n--) {
        const termId = random.pick(phrases);
        addTerm(doc, termId, by, options);
        if (random.chance(0.5)) setTermNote(doc, termId, random.pick(NOTES), options);
      }
      return;
    case 'internal': {
      const scan = random.pick(scans);
      addFile(doc, { ...scan, addedBy: by }, options);
    }
  }
}

function fillSheet(doc: Y.Doc, table: ScoreTable, random: DemoRandom, options: WriteOptions): void {
  const sheetId = addSheet(doc, { tableId: table.id, sheetId: random.uuid() }, options);
  for (let n = random.int(0, 3); n > 0; n--) {
    const item = random.pick(table.items);
    const rule = item.deductions.length > 0 ? random.pick(item.deductions) : null;
    if (rule) setDeduction(doc, sheetId, { itemId: item.id, ruleId: rule.id, count: 1 }, options);
  }
  setSheetFlag(doc, sheetId, 'done', true, options);
}
