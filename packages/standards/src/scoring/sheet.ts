/**
 * Scores one sheet: item cap (JGJ 59-2011 4.0.3-2), guaranteed items (4.0.3-3) and the in-table 缺项
 * conversion A2 = D/E×100 (4.0.3-5). All sums are integer tenths of a point.
 *
 * @internal
 * @module
 */
import type { ScoringRules } from '../catalog/types.js';
import { toTenths } from '../catalog/schema.js';
import type { ResolvedItem, ResolvedSheet } from './input.js';
import { fromInt, rational, type Rational } from './rational.js';
import { toExactScore } from './display.js';
import type { ItemResult, MissingItemPolicy, ScoreWarning, SheetResult, SheetZeroReason } from './types.js';
import { warning } from './warnings.js';

/** A sheet's result plus its exact score for the summary. */
export interface SheetComputation {
  readonly result: SheetResult;
  /** Null when the sheet does not count. */
  readonly score: Rational | null;
  readonly warnings: readonly ScoreWarning[];
}

interface ItemTally {
  readonly result: ItemResult;
  /** Score in tenths when counted, else null. */
  readonly tenths: number | null;
}

function tallyItem(resolved: ResolvedItem, policy: MissingItemPolicy): ItemTally {
  const { item, status } = resolved;
  const pointsTenths = toTenths(item.points);
  const deductions = resolved.deductions.map((d) => ({
    ruleId: d.rule.id,
    occurrences: d.occurrences,
    pointsEach: d.eachTenths / 10,
    deducted: (d.eachTenths * d.occurrences) / 10,
    uncertain: d.rule.uncertain,
  }));
  const deductedTenths = resolved.deductions.reduce((sum, d) => sum + d.eachTenths * d.occurrences, 0);
  // 4.0.3-2: the deductions of one item never exceed its points, so an item scores between 0 and its points.
  // Provincial policy: a 缺项 item counts as full marks. Strict: it is left out (4.0.3-5). Unchecked: left out.
  const tenths =
    status === 'scored'
      ? Math.max(0, pointsTenths - deductedTenths)
      : status === 'not_applicable' && policy === 'provincial'
        ? pointsTenths
        : null;
  const result: ItemResult = {
    itemId: item.id,
    name: item.name,
    group: item.group,
    points: item.points,
    status,
    counted: tenths !== null,
    deducted: deductedTenths / 10,
    score: tenths === null ? null : tenths / 10,
    capped: deductedTenths > pointsTenths,
    deductions,
  };
  return { result, tenths };
}

function itemWarnings(sheet: ResolvedSheet): ScoreWarning[] {
  const warnings: ScoreWarning[] = [];
  const sheetIndex = sheet.index;
  for (const { item, status, deductions } of sheet.items) {
    if (status === 'unchecked' && item.group === '保证项目') {
      const message = `保证项目“${item.name}”未检查，保证项目应全数检查`;
      warnings.push(
        warning('guaranteed_item_unchecked', message, { clause: '4.0.1', sheetIndex, itemId: item.id }),
      );
    } else if (status === 'unchecked') {
      const message = `检查项目“${item.name}”未检查，按缺项折算`;
      warnings.push(warning('item_unchecked', message, { clause: '4.0.3-5', sheetIndex, itemId: item.id }));
    }
    for (const { rule } of deductions) {
      if (!rule.uncertain) continue;
      const message = `扣分标准“${rule.text}”的分值尚待核对标准原文`;
      warnings.push(
        warning('uncertain_rule_applied', message, { sheetIndex, itemId: item.id, ruleId: rule.id }),
      );
    }
  }
  return warnings;
}

/**
 * 4.0.3-3: a split sheet scores 0 when a 保证项目 scores 0 or the 保证项目 subtotal is below 40. When some
 * 保证项目 are left out the 40 is pro-rated to 40 × applicable / 60 (reference interpretation
 * `guaranteed_with_missing_items`); a 缺项 item is not "未得分".
 */
function guaranteedTest(sheet: ResolvedSheet, tallies: readonly ItemTally[], rules: ScoringRules) {
  const reasons: SheetZeroReason[] = [];
  const warnings: ScoreWarning[] = [];
  const subtotalPoints = sheet.table.guaranteedSubtotal;
  if (!sheet.table.hasGuaranteedSplit || subtotalPoints === null) return { reasons, warnings };
  const guaranteed = tallies.filter((t) => t.result.group === '保证项目');
  const zeroIds = guaranteed
    .filter((t) => t.result.status === 'scored' && t.tenths === 0)
    .map((t) => t.result.itemId);
  if (zeroIds.length > 0) reasons.push({ code: 'guaranteed_item_zero', itemIds: zeroIds });
  const counted = guaranteed.filter((t) => t.tenths !== null);
  const subtotalTenths = counted.reduce((sum, t) => sum + (t.tenths ?? 0), 0);
  const applicableTenths = counted.reduce((sum, t) => sum + toTenths(t.result.points), 0);
  if (applicableTenths === 0) return { reasons, warnings };
  const fullTenths = toTenths(subtotalPoints);
  const minimumTenths = toTenths(rules.guaranteedMinimum);
  if (applicableTenths < fullTenths) {
    const message = '部分保证项目未计入，保证项目小计下限按比例折算（解释性规则，待主管部门确认）';
    warnings.push(
      warning('guaranteed_test_prorated', message, { clause: '4.0.3-3', sheetIndex: sheet.index }),
    );
  }
  // subtotal < minimum × applicable / full, cross-multiplied so small integers compare exactly.
  if (subtotalTenths * fullTenths < minimumTenths * applicableTenths) {
    reasons.push({
      code: 'guaranteed_subtotal_below_minimum',
      subtotal: subtotalTenths / 10,
      applicable: applicableTenths / 10,
      minimum: toExactScore(rational(BigInt(minimumTenths * applicableTenths), BigInt(10 * fullTenths))),
    });
  }
  return { reasons, warnings };
}

function notApplicableSheet(
  sheet: ResolvedSheet,
  policy: MissingItemPolicy,
  rules: ScoringRules,
): SheetComputation {
  // Provincial policy: a sheet marked 缺项 counts as full marks. Strict: it is left out of the average.
  const counted = policy === 'provincial';
  const items = sheet.items.map((i) => tallyItem({ ...i, status: 'not_applicable' }, policy).result);
  const score = counted ? fromInt(rules.fullScore) : null;
  const result: SheetResult = {
    ...sheetHeader(sheet),
    status: 'not_applicable',
    counted,
    actual: counted ? rules.fullScore : 0,
    applicable: counted ? rules.fullScore : 0,
    score: score && toExactScore(score),
    zeroReasons: [],
    items,
  };
  return { result, score, warnings: [] };
}

function sheetHeader(sheet: ResolvedSheet) {
  return { index: sheet.index, tableId: sheet.table.id, tableNo: sheet.table.tableNo, label: sheet.label };
}

/** Scores one resolved sheet under `policy`. */
export function scoreSheet(
  sheet: ResolvedSheet,
  policy: MissingItemPolicy,
  rules: ScoringRules,
): SheetComputation {
  if (sheet.notApplicable) return notApplicableSheet(sheet, policy, rules);
  const tallies = sheet.items.map((i) => tallyItem(i, policy));
  const warnings = itemWarnings(sheet);
  const actualTenths = tallies.reduce((sum, t) => sum + (t.tenths ?? 0), 0);
  const applicableTenths = tallies.reduce(
    (sum, t) => sum + (t.tenths === null ? 0 : toTenths(t.result.points)),
    0,
  );
  const base = { ...sheetHeader(sheet), actual: actualTenths / 10, applicable: applicableTenths / 10 };
  const items = tallies.map((t) => t.result);
  if (applicableTenths === 0) {
    const message = `${sheet.table.name}没有计分的检查项目，不计入汇总`;
    warnings.push(warning('sheet_nothing_checked', message, { sheetIndex: sheet.index }));
    const result: SheetResult = {
      ...base,
      status: 'nothing_checked',
      counted: false,
      score: null,
      zeroReasons: [],
      items,
    };
    return { result, score: null, warnings };
  }
  const test = guaranteedTest(sheet, tallies, rules);
  warnings.push(...test.warnings);
  // 4.0.3-5: A2 = D / E × 100 over the counted items; with nothing left out E = 100 and A2 = D.
  const score =
    test.reasons.length > 0
      ? rational(0n)
      : rational(BigInt(actualTenths * rules.fullScore), BigInt(applicableTenths));
  const result: SheetResult = {
    ...base,
    status: 'scored',
    counted: true,
    score: toExactScore(score),
    zeroReasons: test.reasons,
    items,
  };
  return { result, score, warnings };
}
