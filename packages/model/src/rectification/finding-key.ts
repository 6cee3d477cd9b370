import type { InspectionJSON } from '../inspection/to-json.js';

/**
 * The stable key of one finding of a sealed inspection, the one name for it shared by the 检查单 (server
 * `inspection-sheets/findings.ts`), the materializer's `inspection_findings` rows and the per-finding parts of a
 * 整改回复: `term:<termId>` for a 按省标检查用语 finding (a term appears once per inspection), and
 * `deduction:<sheetId>/<itemId>/<ruleId>` for a JGJ59 or dust deduction. 缺项 and scanned files are not answered one
 * by one, so they have no key.
 */
export type FindingRef =
  | { readonly kind: 'term'; readonly termId: string }
  | {
      readonly kind: 'deduction';
      readonly sheetId: string;
      readonly itemId: string;
      readonly ruleId: string;
    };

/** Loose input (a materialized row: nullable columns, other kinds): the key, or null when it has none. */
export interface FindingFields {
  readonly kind: string;
  readonly termId?: string | null;
  readonly sheetId?: string | null;
  readonly itemId?: string | null;
  readonly ruleId?: string | null;
}

/** Longest key accepted (ids are UUIDs or catalog ids, far shorter). */
export const MAX_FINDING_KEY_LENGTH = 300;

/** The finding's stable key, or null for a finding answered only through the whole sheet. */
export function findingKey(finding: FindingRef | FindingFields): string | null {
  const { termId, sheetId, itemId, ruleId } = finding as FindingFields;
  if (finding.kind === 'term' && termId) return `term:${termId}`;
  if (finding.kind === 'deduction' && sheetId && itemId && ruleId) {
    return `deduction:${sheetId}/${itemId}/${ruleId}`;
  }
  return null;
}

/** Whether `key` has the shape of a finding key (whether the inspection has that finding is another question). */
export function isFindingKey(key: string): boolean {
  return (
    key.length <= MAX_FINDING_KEY_LENGTH && /^(term:[^\s/]+|deduction:[^\s/]+\/[^\s/]+\/[^\s/]+)$/.test(key)
  );
}

/**
 * The keys of the findings of an inspection that a reply may answer one by one: its terms, or the deductions of
 * its sheets (those the score counts: not on a sheet or item marked 缺项).
 */
export function inspectionFindingKeys(json: InspectionJSON): string[] {
  const keys: string[] = [];
  if (json.meta?.method === 'terms') {
    for (const term of json.terms) keys.push(findingKey({ kind: 'term', termId: term.termId })!);
  }
  if (json.meta?.method === 'jgj59' || json.meta?.method === 'dust') {
    for (const sheet of json.sheets) {
      if (sheet.notApplicable) continue;
      for (const d of sheet.deductions) {
        if (sheet.notApplicableItems.includes(d.itemId)) continue;
        keys.push(
          findingKey({ kind: 'deduction', sheetId: sheet.sheetId, itemId: d.itemId, ruleId: d.ruleId })!,
        );
      }
    }
  }
  return keys;
}
