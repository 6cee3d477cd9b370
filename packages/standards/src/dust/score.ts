/**
 * Dust checklist scoring entry point.
 *
 * @module
 */
import type { DustCatalog } from '../catalog/types.js';
import { scoreInspection } from '../scoring/score.js';
import type { ScoreInput, ScoreResult } from '../scoring/types.js';
import { getDustCatalog } from './catalog.js';

/** Options of {@link scoreDust}. */
export interface DustScoreOptions {
  /** A catalog to use instead of the bundled one (e.g. the official table once loaded). */
  readonly catalog?: DustCatalog;
}

/**
 * Scores a dust inspection on anguan's checklist 参照 DGJ32/J 203-2016, with the same shape and rules as
 * {@link scoreJgj59}: item cap, the 六个百分百 items as 保证项目 (0 or subtotal < 40 ⇒ sheet 0), 缺项 policies,
 * averaging of several sheets, and the pass rule 达标 (≥ 80, no sheet at 0) / 不达标. The result always carries a
 * `not_from_standard` warning.
 *
 * @param input - Sheets of table `dust`; `policy` default `provincial`.
 * @param options - Optional catalog override.
 * @throws {@link StandardsError} subclasses naming the offending input field.
 */
export function scoreDust(input: ScoreInput, options: DustScoreOptions = {}): ScoreResult {
  return scoreInspection(options.catalog ?? getDustCatalog(input?.catalogVersion), input);
}
