import { findingKey, type InspectionJSON } from '@anguan/model';
import {
  getDustCatalog,
  getInspectionTermTree,
  getJgj59Catalog,
  type InspectionTermTree,
  type ScoringCatalog,
  type TermNode,
  type TermPhrase,
} from '@anguan/standards';

/** 一般隐患 / 重大隐患. */
export const HAZARD_LABELS = { general: '一般隐患', major: '重大隐患' } as const;

/** One line of the 检查单's findings, by method. */
export type SheetFinding =
  | {
      kind: 'term';
      /** The finding's stable key (`findingKey`): what a 整改回复 answers it under. */
      key: string;
      termId: string;
      code: string | null;
      /** The defect phrase (检查用语), or the id when the catalog no longer knows it. */
      phrase: string;
      /** Category → table → item names above the phrase. */
      path: string[];
      hazardLevel: 'general' | 'major' | null;
      hazardLabel: string | null;
      /** Whether the inspector changed the level from the catalog phrase's default. */
      hazardChanged: boolean;
      /** 楼栋/部位 the inspector wrote, or null when none. */
      location: string | null;
      note: string;
      photos: string[];
    }
  | {
      kind: 'deduction';
      /** The finding's stable key (`findingKey`): what a 整改回复 answers it under. */
      key: string;
      table: string;
      sheetLabel: string;
      item: string;
      rule: string;
      count: number;
      /** Points deducted for this rule in total (per occurrence × count). */
      points: number;
      uncertain: boolean;
    }
  | { kind: 'not_applicable'; table: string; sheetLabel: string; item: string | null }
  | { kind: 'file'; sha256: string; name: string; mediaType: string; size: number };

/** The certainty notes the sheet must carry (DESIGN: provisional tables never pass as the standard's). */
export function catalogNotes(json: InspectionJSON): string[] {
  const method = json.meta?.method;
  if (method === 'terms') {
    return [
      '检查用语目录为安管系统暂定目录（由 JGJ59-2011 扣分条目整理），非 DGJ32/TJ218-2017 原文用语及编码；待取得标准编码后替换。',
    ];
  }
  if (method === 'dust') {
    const catalog = scoringCatalog(json);
    if (catalog?.provenance.notFromStandard) {
      return [`${catalog.standard.name}为安管自定检查表（参照 DGJ32/J203-2016），非标准原表。`];
    }
  }
  return [];
}

/** The findings of an inspection in sheet order. */
export function findingsOf(json: InspectionJSON): SheetFinding[] {
  switch (json.meta?.method) {
    case 'terms':
      return termFindings(json);
    case 'jgj59':
    case 'dust':
      return sheetFindings(json);
    case 'internal':
      return json.files
        .filter((file) => file.deletedAt === null)
        .map((file) => ({
          kind: 'file',
          sha256: file.sha256,
          name: file.name,
          mediaType: file.mediaType,
          size: file.size,
        }));
    default:
      return [];
  }
}

function termFindings(json: InspectionJSON): SheetFinding[] {
  const phrases = phraseIndex(termTree(json.meta?.catalogVersion ?? null));
  return json.terms.map((term) => {
    const found = phrases.get(term.termId);
    const hazardLevel = term.hazardLevel ?? found?.phrase.hazardLevel ?? null;
    return {
      kind: 'term',
      key: findingKey({ kind: 'term', termId: term.termId })!,
      termId: term.termId,
      code: found?.phrase.code ?? null,
      phrase: found?.phrase.name ?? term.termId,
      path: found?.path ?? [],
      hazardLevel,
      hazardLabel: hazardLevel ? HAZARD_LABELS[hazardLevel] : null,
      hazardChanged: term.hazardLevel !== null && term.hazardLevel !== found?.phrase.hazardLevel,
      location: term.location.trim() === '' ? null : term.location.trim(),
      note: term.note,
      photos: term.photos.map((photo) => photo.sha256),
    };
  });
}

function sheetFindings(json: InspectionJSON): SheetFinding[] {
  const catalog = scoringCatalog(json);
  const findings: SheetFinding[] = [];
  for (const sheet of json.sheets) {
    const table = catalog?.tables.find((t) => t.id === sheet.tableId);
    const tableName = table ? `${table.tableNo ?? ''}${table.name}` : sheet.tableId;
    const base = { table: tableName, sheetLabel: sheet.label };
    if (sheet.notApplicable) {
      findings.push({ kind: 'not_applicable', ...base, item: null });
      continue;
    }
    for (const itemId of sheet.notApplicableItems) {
      const item = table?.items.find((i) => i.id === itemId);
      findings.push({ kind: 'not_applicable', ...base, item: item?.name ?? itemId });
    }
    for (const deduction of sheet.deductions) {
      // 缺项 wins over deductions recorded on the item (the score ignores them; the 缺项 line stands for it).
      if (sheet.notApplicableItems.includes(deduction.itemId)) continue;
      const item = table?.items.find((i) => i.id === deduction.itemId);
      const rule = item?.deductions.find((r) => r.id === deduction.ruleId);
      const perOccurrence = deduction.points ?? rule?.points ?? 0;
      const { itemId, ruleId } = deduction;
      findings.push({
        kind: 'deduction',
        key: findingKey({ kind: 'deduction', sheetId: sheet.sheetId, itemId, ruleId })!,
        ...base,
        item: item?.name ?? deduction.itemId,
        rule: rule?.raw ?? deduction.ruleId,
        count: deduction.count,
        points: Math.round(perOccurrence * deduction.count * 100) / 100,
        uncertain: rule?.uncertain ?? true,
      });
    }
  }
  return findings;
}

function scoringCatalog(json: InspectionJSON): ScoringCatalog | null {
  const get =
    json.meta?.method === 'dust' ? getDustCatalog : json.meta?.method === 'jgj59' ? getJgj59Catalog : null;
  if (!get) return null;
  try {
    return get(json.meta?.catalogVersion ?? undefined);
  } catch {
    return get(); // a version this server does not bundle: name items from the latest (ids are never renumbered)
  }
}

function termTree(version: string | null): InspectionTermTree {
  try {
    return getInspectionTermTree(version ?? undefined);
  } catch {
    return getInspectionTermTree();
  }
}

function phraseIndex(tree: InspectionTermTree): Map<string, { phrase: TermPhrase; path: string[] }> {
  const index = new Map<string, { phrase: TermPhrase; path: string[] }>();
  const visit = (nodes: readonly TermNode[], path: string[]) => {
    for (const node of nodes) {
      if (node.kind === 'phrase') index.set(node.id, { phrase: node, path });
      else visit(node.children, [...path, node.name]);
    }
  };
  visit(tree.categories, []);
  return index;
}
