/**
 * The summary table: averaging (JGJ 59-2011 4.0.3-6), A1 = B × C / 100 (4.0.3-4), the summary 缺项 conversion
 * A2 = D / E × 100 (4.0.3-5) and the grade (5.0.2).
 *
 * @internal
 * @module
 */
import type { ScoringCatalog, ScoringRules } from '../catalog/types.js';
import { toExactScore } from './display.js';
import { add, compare, div, fromInt, mean, mul, rational, type Rational } from './rational.js';
import type { SheetComputation } from './sheet.js';
import type { CategoryResult, GradeResult } from './types.js';

/** Summary totals with exact values for the grade. */
export interface SummaryComputation {
  readonly categories: readonly CategoryResult[];
  /** D = Σ A1. */
  readonly earned: Rational;
  /** E = Σ B of the scored categories, in points. */
  readonly applicable: number;
  readonly total: Rational | null;
}

/** Builds every summary row and the total from the scored sheets. */
export function scoreSummary(
  catalog: ScoringCatalog,
  sheets: readonly SheetComputation[],
): SummaryComputation {
  const full = fromInt(catalog.rules.fullScore);
  let earned = rational(0n);
  let applicable = 0;
  const categories = catalog.summary.categories.map((category): CategoryResult => {
    const tableIds = new Set(category.tableIds);
    const counted = sheets.filter((s) => s.score !== null && tableIds.has(s.result.tableId));
    const base = { categoryId: category.id, name: category.name, weight: category.points };
    if (counted.length === 0) return { ...base, sheetIndexes: [], score: null, weighted: null };
    // 4.0.3-6: C is the arithmetic mean of the category's sheets (scaffold types, hoists, cranes; also several
    // units of one type, reference interpretation `several_units_same_type`).
    const c = mean(counted.map((s) => s.score ?? rational(0n)));
    // 4.0.3-4: A1 = B × C / 100.
    const a1 = div(mul(fromInt(category.points), c), full);
    earned = add(earned, a1);
    applicable += category.points;
    const sheetIndexes = counted.map((s) => s.result.index);
    return { ...base, sheetIndexes, score: toExactScore(c), weighted: toExactScore(a1) };
  });
  // 4.0.3-5: with categories not scored, A2 = D / E × 100; with all scored E = 100 and the total is D.
  const total = applicable === 0 ? null : div(mul(earned, full), fromInt(applicable));
  return { categories, earned, applicable, total };
}

/**
 * 5.0.2: any counted sheet at 0 ⇒ the zero-sheet grade (不合格); otherwise the first band whose minimum the
 * unrounded total reaches (优良 ≥ 80, 合格 ≥ 70, else 不合格).
 */
export function gradeFor(
  rules: ScoringRules,
  total: Rational,
  sheets: readonly SheetComputation[],
): GradeResult {
  const zero = sheets.filter((s) => s.score !== null && s.score.n === 0n).map((s) => s.result.index);
  if (zero.length > 0) {
    return {
      grade: rules.zeroSheetGrade,
      reason: { code: 'sheet_scored_zero', sheetIndexes: zero },
      message: `有分项检查评分表得零分，评定为${rules.zeroSheetGrade}`,
    };
  }
  const band =
    rules.gradeBands.find((b) => compare(total, rational(BigInt(Math.round(b.min * 10)), 10n)) >= 0) ??
    rules.gradeBands[rules.gradeBands.length - 1];
  if (!band) throw new Error('Catalog has no grade band');
  const message =
    band.min > 0
      ? `汇总得分不低于${band.min}分，评定为${band.grade}`
      : `汇总得分低于最低等级线，评定为${band.grade}`;
  return { grade: band.grade, reason: { code: 'band', min: band.min }, message };
}
