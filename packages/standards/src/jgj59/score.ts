/**
 * JGJ 59-2011 scoring entry point.
 *
 * @module
 */
import type { Jgj59Catalog } from '../catalog/types.js';
import { scoreInspection } from '../scoring/score.js';
import type { ScoreInput, ScoreResult } from '../scoring/types.js';
import { getJgj59Catalog } from './catalog.js';

/** Options of {@link scoreJgj59}. */
export interface Jgj59ScoreOptions {
  /** A catalog to use instead of the bundled one (e.g. a newer version loaded with `loadScoringCatalog`). */
  readonly catalog?: Jgj59Catalog;
}

/**
 * Scores a JGJ 59-2011 inspection: items (4.0.3-2), sheets (4.0.3-3, 4.0.3-5), category averages (4.0.3-6),
 * A1 (4.0.3-4), the total (A2 when categories are not scored, 4.0.3-5) and the grade 优良/合格/不合格 (5.0.2).
 *
 * @param input - Sheets with item results; `policy` default `provincial`; `catalogVersion` default latest.
 * @param options - Optional catalog override.
 * @returns The result; store `catalogVersion` with the inspection so it can be rescored identically.
 * @throws {@link StandardsError} subclasses naming the offending input field.
 * @example
 * const table = getJgj59Catalog().tables.find((t) => t.id === 'safety_management')!;
 * const result = scoreJgj59({
 *   sheets: [{
 *     tableId: 'safety_management',
 *     items: table.items.map((item) =>
 *       item.id === 'safety_management.01'
 *         ? { itemId: item.id, deductions: [{ ruleId: 'safety_management.01.03', points: 4 }] } // 扣2～10分: 4
 *         : { itemId: item.id }, // checked, full marks
 *     ),
 *   }],
 * });
 * formatScore(result.sheets[0]!.score!); // '96.00'
 * formatScore(result.total!); // '96.00': only 安全管理 (B = 10) scored, A1 = 9.6, converted by A2 = 9.6 / 10 × 100
 * result.grade!.grade; // '优良'
 * // List every item: an item left out is unchecked. With only safety_management.01 listed, the 保证项目
 * // subtotal is 6 of 10 counted points, below the pro-rated 40 × 10 / 60, so the sheet scores '0.00' (不合格).
 */
export function scoreJgj59(input: ScoreInput, options: Jgj59ScoreOptions = {}): ScoreResult {
  return scoreInspection(options.catalog ?? getJgj59Catalog(input?.catalogVersion), input);
}
