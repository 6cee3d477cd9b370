/**
 * Words of the summary: the scoring policy and which sheets or items entered at full marks through 缺项.
 *
 * @module
 */
import type { MissingItemPolicy, ScoreResult, ScoringCatalog } from '@anguan/standards';

export function policyLabel(policy: MissingItemPolicy): string {
  return policy === 'strict'
    ? 'JGJ 59 严格口径（缺项不计分，按 A2 = D / E × 100 折算）'
    : '省平台口径（缺项按满分计）';
}

/** Under the provincial policy, the sheets and items a 缺项 mark gave full marks, one zh-CN line each. */
export function fullMarksThroughMissing(page: {
  policy: MissingItemPolicy;
  score: ScoreResult;
  catalog: ScoringCatalog;
}): string[] {
  if (page.policy !== 'provincial') return [];
  const lines: string[] = [];
  for (const sheet of page.score.sheets) {
    const table = page.catalog.tables.find((t) => t.id === sheet.tableId);
    const name = `${sheet.tableNo ?? ''}${table?.name ?? sheet.tableId}${sheet.label ? `（${sheet.label}）` : ''}`;
    if (sheet.status === 'not_applicable') {
      lines.push(`${name}：整表缺项，计 100 分`);
      continue;
    }
    const items = sheet.items.filter((i) => i.status === 'not_applicable');
    if (items.length > 0) lines.push(`${name}：${items.map((i) => `“${i.name}”`).join('、')}缺项，计满分`);
  }
  return lines;
}
