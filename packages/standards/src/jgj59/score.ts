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
 * const result = scoreJgj59({
 *   sheets: [{ tableId: 'safety_management', items: [
 *     { itemId: 'safety_management.01', deductions: [{ ruleId: 'safety_management.01.03', points: 4 }] },
 *   ] }],
 * });
 * formatScore(result.sheets[0]!.score!) // '60.00': the 9 unlisted items are unchecked, A2 = 6 / 10 × 100
 */
export function scoreJgj59(input: ScoreInput, options: Jgj59ScoreOptions = {}): ScoreResult {
  return scoreInspection(options.catalog ?? getJgj59Catalog(input?.catalogVersion), input);
}
