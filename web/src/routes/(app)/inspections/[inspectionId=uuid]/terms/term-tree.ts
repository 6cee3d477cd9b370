/**
 * The provisional term tree (检查用语) as the picker needs it: an index of phrases with their path, and a search
 * by words of the phrase (or of its category, table and item). Pure, so it is tested without a browser.
 *
 * @module
 */
import {
  getInspectionTermTree,
  type HazardLevel,
  type InspectionTermTree,
  type TermBranch,
  type TermNode,
  type TermPhrase,
} from '@anguan/standards';

export interface IndexedPhrase {
  readonly phrase: TermPhrase;
  /** Category → table → item names above the phrase. */
  readonly path: readonly string[];
}

export interface TermIndex {
  readonly tree: InspectionTermTree;
  readonly phrases: ReadonlyMap<string, IndexedPhrase>;
}

/** The tree the inspection refers to (its catalog version), else the latest bundled one. */
export function termIndex(catalogVersion: string | null): TermIndex {
  let tree: InspectionTermTree;
  try {
    tree = getInspectionTermTree(catalogVersion ?? undefined);
  } catch {
    tree = getInspectionTermTree();
  }
  const phrases = new Map<string, IndexedPhrase>();
  const visit = (nodes: readonly TermNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.kind === 'phrase') phrases.set(node.id, { phrase: node, path });
      else visit(node.children, [...path, node.name]);
    }
  };
  visit(tree.categories, []);
  return { tree, phrases };
}

/** The words of a query: split on spaces (full-width too) and commas, empty parts dropped. */
export function queryWords(query: string): string[] {
  return query
    .split(/[\s\u3000,，、]+/u)
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

/**
 * Phrases whose text (phrase, then its path) holds every word of the query, phrase matches first, at most
 * `limit`. An empty query finds nothing (the tree is shown instead).
 */
export function searchPhrases(index: TermIndex, query: string, limit = 80): IndexedPhrase[] {
  const words = queryWords(query).map((w) => w.toLowerCase());
  if (words.length === 0) return [];
  const inPhrase: IndexedPhrase[] = [];
  const inPath: IndexedPhrase[] = [];
  for (const entry of index.phrases.values()) {
    const name = entry.phrase.name.toLowerCase();
    const all = `${name} ${entry.path.join(' ').toLowerCase()} ${entry.phrase.code.toLowerCase()}`;
    if (!words.every((word) => all.includes(word))) continue;
    (words.every((word) => name.includes(word)) ? inPhrase : inPath).push(entry);
  }
  return [...inPhrase, ...inPath].slice(0, limit);
}

/** How many phrases a branch holds, and how many of them are in `selected`. */
export function branchCounts(
  branch: TermBranch,
  selected: ReadonlySet<string>,
): { total: number; chosen: number } {
  let total = 0;
  let chosen = 0;
  const visit = (nodes: readonly TermNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'phrase') {
        total++;
        if (selected.has(node.id)) chosen++;
      } else visit(node.children);
    }
  };
  visit(branch.children);
  return { total, chosen };
}

export const HAZARD_NAMES: Readonly<Record<HazardLevel, string>> = { general: '一般隐患', major: '重大隐患' };

/** The level a finding shows: the inspector's, else the phrase's default (一般隐患 for an unknown phrase). */
export function effectiveHazard(chosen: HazardLevel | null, phrase: TermPhrase | undefined): HazardLevel {
  return chosen ?? phrase?.hazardLevel ?? 'general';
}
