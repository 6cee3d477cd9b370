/**
 * Input and result shapes of the scoring engine shared by {@link scoreJgj59} and {@link scoreDust}.
 *
 * @module
 */
import type { ItemGroup } from '../catalog/types.js';
import type { ExactScore } from './display.js';

/**
 * How 缺项 (not applicable) is treated; one policy per inspection.
 *
 * - `provincial` (default, what the Jiangsu provincial system does): an item or sheet marked 缺项 counts as full
 *   marks; a category with no sheet is left out of the summary and the total is converted by A2 = D/E×100.
 * - `strict`: a 缺项 item or sheet is left out and its table (or the summary) converted by A2 = D/E×100; the
 *   保证项目 40-point test is pro-rated (reference interpretation `guaranteed_with_missing_items`).
 *
 * In both policies an item that is not listed at all is "unchecked": left out like a strict 缺项, with a warning.
 */
export type MissingItemPolicy = 'provincial' | 'strict';

/** One chosen deduction standard row. */
export interface DeductionInput {
  /** A deduction rule id of the item, e.g. `safety_management.01.03`. */
  readonly ruleId: string;
  /** Occurrences for 每处/每人/每项… rows: an integer ≥ 1; default 1. One-off rows accept only 1. */
  readonly occurrences?: number;
  /**
   * Points per occurrence. Required for a 扣a～b分 row (a ≤ points ≤ b, in whole tenths); optional for a fixed
   * row, where it must equal the row's points.
   */
  readonly points?: number;
}

/** One check item as inspected. Items of a sheet that are not listed count as unchecked. */
export interface ItemInput {
  readonly itemId: string;
  /** 缺项: the item does not apply on this site. Must not carry deductions. Default false. */
  readonly notApplicable?: boolean;
  /** Chosen deductions; empty or absent = checked with full marks. Each rule at most once. */
  readonly deductions?: readonly DeductionInput[];
}

/** One filled-in sheet of a table (two tower cranes = two sheets of 表B.17). */
export interface SheetInput {
  /** A table id of the catalog, e.g. `tower_crane`. */
  readonly tableId: string;
  /** Free label shown with the result, e.g. `1号塔吊`. */
  readonly label?: string;
  /** 缺项 for the whole sheet. Must not list items. Default false. */
  readonly notApplicable?: boolean;
  readonly items?: readonly ItemInput[];
}

/** An inspection to score. */
export interface ScoreInput {
  /** Catalog version to score with; default the latest bundled. Must match the catalog when one is passed. */
  readonly catalogVersion?: string;
  /** Default `provincial`. */
  readonly policy?: MissingItemPolicy;
  /** Sheets in any order; a category with no sheet is not scored (不涉及). */
  readonly sheets: readonly SheetInput[];
}

/** One applied deduction. */
export interface DeductionResult {
  readonly ruleId: string;
  readonly occurrences: number;
  /** Points per occurrence. */
  readonly pointsEach: number;
  /** pointsEach × occurrences, in points, before the item cap. */
  readonly deducted: number;
  /** The catalog flags this row as uncertain. */
  readonly uncertain: boolean;
}

/** Score of one item. Numbers are points (whole tenths, exact as doubles for display). */
export interface ItemResult {
  readonly itemId: string;
  readonly name: string;
  readonly group: ItemGroup | null;
  /** 应得分数. */
  readonly points: number;
  /** `scored`, `not_applicable` (缺项) or `unchecked` (not listed). */
  readonly status: 'scored' | 'not_applicable' | 'unchecked';
  /** Whether the item enters the sheet's D and E. */
  readonly counted: boolean;
  /** Sum of deductions before the cap. */
  readonly deducted: number;
  /** max(0, points − deducted) (4.0.3-2); `points` for a provincial 缺项; null when not counted. */
  readonly score: number | null;
  /** True when the deductions exceeded the item's points and were capped. */
  readonly capped: boolean;
  readonly deductions: readonly DeductionResult[];
}

/** Why a sheet was set to 0 (4.0.3-3). */
export type SheetZeroReason =
  | { readonly code: 'guaranteed_item_zero'; readonly itemIds: readonly string[] }
  | {
      readonly code: 'guaranteed_subtotal_below_minimum';
      /** 保证项目 actual subtotal, in points. */
      readonly subtotal: number;
      /** 保证项目 points counted (60 unless some were left out). */
      readonly applicable: number;
      /** The minimum compared against: 40, or 40 × applicable / 60 when pro-rated. */
      readonly minimum: ExactScore;
    };

/** Score of one sheet. */
export interface SheetResult {
  /** Position in `input.sheets`. */
  readonly index: number;
  readonly tableId: string;
  readonly tableNo: string | null;
  readonly label: string | null;
  /** `scored`, `not_applicable` (sheet 缺项) or `nothing_checked` (no item counted). */
  readonly status: 'scored' | 'not_applicable' | 'nothing_checked';
  /** Whether the sheet enters its category's average. */
  readonly counted: boolean;
  /** D: actual points of the counted items. */
  readonly actual: number;
  /** E: full points of the counted items. */
  readonly applicable: number;
  /** Sheet score 0–100 (A2 = D/E×100 when E < 100); 100 for a provincial 缺项 sheet; null when not counted. */
  readonly score: ExactScore | null;
  /** Non-empty when 4.0.3-3 set the sheet to 0. */
  readonly zeroReasons: readonly SheetZeroReason[];
  readonly items: readonly ItemResult[];
}

/** One summary row. */
export interface CategoryResult {
  readonly categoryId: string;
  readonly name: string;
  /** B: the category's weight, in points. */
  readonly weight: number;
  /** Indexes of the counted sheets averaged into C. */
  readonly sheetIndexes: readonly number[];
  /** C: mean of the counted sheets (4.0.3-6); null when the category is not scored. */
  readonly score: ExactScore | null;
  /** A1 = B × C / 100 (4.0.3-4); null when not scored. */
  readonly weighted: ExactScore | null;
}

/** The grade and why. */
export interface GradeResult {
  /** JGJ 59: `优良` / `合格` / `不合格`; dust: `达标` / `不达标`. */
  readonly grade: string;
  readonly reason:
    | { readonly code: 'sheet_scored_zero'; readonly sheetIndexes: readonly number[] }
    | { readonly code: 'band'; readonly min: number };
  /** zh-CN explanation. */
  readonly message: string;
}

/** Warning codes; see {@link ScoreWarning}. */
export type ScoreWarningCode =
  | 'guaranteed_item_unchecked'
  | 'item_unchecked'
  | 'sheet_nothing_checked'
  | 'nothing_scored'
  | 'guaranteed_test_prorated'
  | 'uncertain_rule_applied'
  | 'not_from_standard';

/** Something the inspector or reviewer should see; never changes a score. */
export interface ScoreWarning {
  readonly code: ScoreWarningCode;
  /** zh-CN. */
  readonly message: string;
  /** Clause the warning refers to, e.g. `4.0.1`. */
  readonly clause: string | null;
  readonly sheetIndex: number | null;
  readonly itemId: string | null;
  readonly ruleId: string | null;
}

/** What 缺项 did to the result; see {@link ScoreResult.notApplicable}. */
export interface NotApplicableReport {
  /** Indexes of sheets marked 缺项 that entered their category at full marks (100; `provincial` policy). */
  readonly sheetsAtFullMarks: readonly number[];
  /** Indexes of sheets marked 缺项 and left out of the summary (`strict` policy). */
  readonly sheetsLeftOut: readonly number[];
  /**
   * 保证项目 marked 缺项 in sheets that are not wholly 缺项: full marks under `provincial`, left out (and the
   * 40-point test pro-rated) under `strict`.
   */
  readonly guaranteedItems: ReadonlyArray<{
    readonly sheetIndex: number;
    readonly itemId: string;
    readonly name: string;
  }>;
  /** One zh-CN sentence per sheet and item above, for the screen and every export. */
  readonly messages: readonly string[];
}

/** The full result of scoring one inspection. */
export interface ScoreResult {
  readonly catalogKind: 'jgj59' | 'dust';
  /** The catalog version used: store it with the inspection. */
  readonly catalogVersion: string;
  readonly standardCode: string;
  readonly policy: MissingItemPolicy;
  readonly sheets: readonly SheetResult[];
  /** Every summary category in catalog order, scored or not. */
  readonly categories: readonly CategoryResult[];
  /** D: Σ A1 of the scored categories. */
  readonly earned: ExactScore;
  /** E: Σ B of the scored categories, in points. */
  readonly applicable: number;
  /** Total 0–100: Σ A1, or A2 = D/E×100 when some category is not scored (4.0.3-5); null when E = 0. */
  readonly total: ExactScore | null;
  /** True when the total was converted by A2. */
  readonly converted: boolean;
  /** Null when nothing was scored. */
  readonly grade: GradeResult | null;
  /** Sheets that entered at full marks (or were left out) through 缺项, and 保证项目 marked 缺项. */
  readonly notApplicable: NotApplicableReport;
  readonly warnings: readonly ScoreWarning[];
}
