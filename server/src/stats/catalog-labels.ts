/**
 * Names for what findings rows hold as ids: JGJ59 and dust tables and items, and the inspection-term tree's
 * top-level categories (anguan's provisional tree: its certainty travels with every table that uses it).
 *
 * @module
 */
import { getDustCatalog, getInspectionTermTree, getJgj59Catalog, walkTerms } from '@anguan/standards';

interface Labels {
  tables: Map<string, string>;
  items: Map<string, string>;
  /** term id → its top-level category id; category id → name. */
  termCategory: Map<string, string>;
  categoryNames: Map<string, string>;
  categoryTerms: Map<string, string[]>;
}

let cached: Labels | null = null;

export function catalogLabels(): Labels {
  if (cached) return cached;
  const tables = new Map<string, string>();
  const items = new Map<string, string>();
  for (const catalog of [getJgj59Catalog(), getDustCatalog()]) {
    for (const table of catalog.tables) {
      tables.set(table.id, table.tableNo ? `${table.tableNo} ${table.name}` : table.name);
      for (const item of table.items) items.set(`${table.id}|${item.id}`, item.name);
    }
  }
  const termCategory = new Map<string, string>();
  const categoryNames = new Map<string, string>();
  const categoryTerms = new Map<string, string[]>();
  for (const category of getInspectionTermTree().categories) {
    categoryNames.set(category.id, category.name);
    const ids: string[] = [];
    for (const node of walkTerms(category.children)) {
      termCategory.set(node.id, category.id);
      if (node.kind === 'phrase') termCategory.set(node.code, category.id);
      ids.push(node.id);
    }
    categoryTerms.set(category.id, ids);
  }
  cached = { tables, items, termCategory, categoryNames, categoryTerms };
  return cached;
}

export const TERM_TREE_NOTE = '检查用语分类采用安管暂定的检查用语树（依据 JGJ59 条目整理），非标准原文分类。';
