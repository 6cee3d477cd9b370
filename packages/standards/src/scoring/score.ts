/**
 * The scoring engine over any scoring catalog (JGJ 59, dust).
 *
 * @module
 */
import type { ScoringCatalog } from '../catalog/types.js';
import { InvalidInputError, UnknownCatalogVersionError } from '../errors.js';
import { toExactScore } from './display.js';
import { resolvePolicy, resolveSheets } from './input.js';
import { scoreSheet } from './sheet.js';
import { gradeFor, scoreSummary } from './summary.js';
import { notApplicableReport } from './not-applicable.js';
import type { ScoreInput, ScoreResult, ScoreWarning } from './types.js';
import { warning } from './warnings.js';

/**
 * Scores an inspection against a validated catalog (from `getJgj59Catalog`, `getDustCatalog` or
 * `loadScoringCatalog`). Pure and synchronous; the input is not modified.
 *
 * @param catalog - The catalog to score with.
 * @param input - Sheets, policy and (optionally) the expected catalog version.
 * @returns Item, sheet, category and total scores (exact), the grade and warnings.
 * @throws {@link InvalidInputError}, {@link UnknownIdError}, {@link OutOfRangeError}, {@link DuplicateError}
 *   naming the input field; {@link UnknownCatalogVersionError} when `input.catalogVersion` differs.
 */
export function scoreInspection(catalog: ScoringCatalog, input: ScoreInput): ScoreResult {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidInputError('input', 'input must be an object');
  }
  const policy = resolvePolicy(input.policy);
  if (input.catalogVersion !== undefined && input.catalogVersion !== catalog.catalogVersion) {
    throw new UnknownCatalogVersionError('catalogVersion', String(input.catalogVersion));
  }
  const sheets = resolveSheets(catalog, input).map((s) => scoreSheet(s, policy, catalog.rules));
  const summary = scoreSummary(catalog, sheets);
  const warnings: ScoreWarning[] = sheets.flatMap((s) => s.warnings);
  if (catalog.provenance.notFromStandard) {
    warnings.push(warning('not_from_standard', `${catalog.standard.name}为安管自定检查表，非标准原表`));
  }
  if (summary.total === null) warnings.push(warning('nothing_scored', '没有可计分的检查表，无法评定等级'));
  return {
    catalogKind: catalog.kind,
    catalogVersion: catalog.catalogVersion,
    standardCode: catalog.standard.code,
    policy,
    sheets: sheets.map((s) => s.result),
    categories: summary.categories,
    earned: toExactScore(summary.earned),
    applicable: summary.applicable,
    total: summary.total && toExactScore(summary.total),
    converted: summary.total !== null && summary.applicable !== catalog.rules.fullScore,
    grade: summary.total && gradeFor(catalog.rules, summary.total, sheets),
    notApplicable: notApplicableReport(
      catalog,
      sheets.map((s) => s.result),
      policy,
    ),
    warnings,
  };
}
