/**
 * TypeScript shapes of the catalogs shipped as JSON data. `packages/model` and `web` type against these; the
 * data itself is checked against them at load by `validate-scoring.ts` / `validate-terms.ts`.
 *
 * Certainty travels with the data: `verification` on tables, `rowsMatched` + `uncertain` on items, `uncertain` +
 * `note` on deduction rows, `provenance.notFromStandard` on catalogs that are anguan's own. The UI must show them.
 *
 * @module
 */

/**
 * How well a table was checked against the printed standard: `confirmed` = every row matched a public copy;
 * `mostly_confirmed` / `partly_confirmed` = some rows matched, the rest recalled; `recalled` = not matched;
 * `not_from_standard` = anguan's own content.
 */
export type VerificationStatus =
  'confirmed' | 'mostly_confirmed' | 'partly_confirmed' | 'recalled' | 'not_from_standard';

/** Verification record of one table. */
export interface Verification {
  readonly status: VerificationStatus;
  /** True unless every value is confirmed. */
  readonly uncertain: boolean;
  readonly note: string | null;
  /** Public copies it was checked against (site and document identifier). */
  readonly sources: readonly string[];
}

/** 保证项目 (guaranteed item, JGJ 59-2011 4.0.3-3) or 一般项目 (general item). */
export type ItemGroup = '保证项目' | '一般项目';

/** One deduction standard (扣分标准) row of a check item. */
export interface DeductionRule {
  /** Stable id `<table>.<item no>.<row no>`; never renumbered. */
  readonly id: string;
  /** The condition, e.g. `未建立安全生产责任制`. */
  readonly text: string;
  /** The row as printed, condition + deduction, for display. */
  readonly raw: string;
  /** Points deducted per occurrence, in points; the upper bound when `pointsRange` is set. */
  readonly points: number;
  /** `[min, max]` in points for 扣a～b分 (the inspector chooses a value); null for a fixed deduction. */
  readonly pointsRange: readonly [number, number] | null;
  /** Occurrence unit (`每处`, `每人`, `每项`, `每台`, `每辆`): deducted once per occurrence; null for one-off. */
  readonly per: string | null;
  /** True when this row's wording or value is specifically in doubt; see `note`. */
  readonly uncertain: boolean;
  readonly note: string | null;
}

/** One check item (检查项目) of a table. */
export interface CheckItem {
  /** Stable id `<table>.<item no>`. */
  readonly id: string;
  /** Item number in the printed table, from 1. */
  readonly no: number;
  readonly name: string;
  /** 应得分数, in points. */
  readonly points: number;
  /** Null for tables without the 保证/一般 split (表B.13, 表B.19). */
  readonly group: ItemGroup | null;
  /** `all` / `some` / `none` of the rows matched a public copy; null for anguan's own items. */
  readonly rowsMatched: 'all' | 'some' | 'none' | null;
  readonly uncertain: boolean;
  readonly note: string | null;
  readonly deductions: readonly DeductionRule[];
}

/** One sub-table (分项检查评分表), e.g. 表B.3 扣件式钢管脚手架检查评分表. */
export interface ScoreTable {
  /** Stable ASCII id, e.g. `scaffold_fastener`. */
  readonly id: string;
  /** Printed number, e.g. `表B.3`; null for anguan's own tables. */
  readonly tableNo: string | null;
  readonly name: string;
  /** Id of the summary category it belongs to. */
  readonly category: string;
  readonly hasGuaranteedSplit: boolean;
  /** Full score, in points (100). */
  readonly fullScore: number;
  /** Sum of the 保证项目 points (60) when split, else null. */
  readonly guaranteedSubtotal: number | null;
  readonly verification: Verification;
  readonly items: readonly CheckItem[];
}

/** One row of the summary table (汇总表). */
export interface SummaryCategory {
  readonly id: string;
  readonly name: string;
  /** Weight B in A1 = B × C / 100, in points. */
  readonly points: number;
  /** Tables whose sheets are averaged into this category (4.0.3-6). */
  readonly tableIds: readonly string[];
  /** `average` for 脚手架, 物料提升机与施工升降机, 塔式起重机与起重吊装; `single` otherwise. */
  readonly aggregation: 'single' | 'average';
}

/** A grade reached when the total is at least `min` points (and no sheet scored 0). */
export interface GradeBand {
  readonly grade: string;
  /** Inclusive lower bound, in points; the last band has 0. */
  readonly min: number;
}

/** Scoring parameters carried by the catalog so a new version can change them without code. */
export interface ScoringRules {
  /** Full score of every table and of the summary, in points (100). */
  readonly fullScore: number;
  /** A sheet scores 0 when its 保证项目 subtotal is below this many points (40, JGJ 59-2011 4.0.3-3). */
  readonly guaranteedMinimum: number;
  /** Highest first (JGJ 59-2011 5.0.2: 优良 ≥ 80, 合格 ≥ 70, 不合格). */
  readonly gradeBands: readonly GradeBand[];
  /** The grade when any sheet scored 0 (JGJ 59-2011 5.0.2: 不合格). */
  readonly zeroSheetGrade: string;
  /** The clauses the rules come from, for display. */
  readonly clauses: readonly { readonly id: string; readonly clause: string; readonly text: string }[];
}

/** The standard (or anguan document) a catalog represents. */
export interface CatalogStandard {
  readonly code: string;
  readonly name: string;
  readonly issuedBy: string | null;
  /** Effective date `YYYY-MM-DD`, when known. */
  readonly effective: string | null;
  readonly note: string | null;
}

/** Where a catalog's content comes from. */
export interface Provenance {
  /** True when the content is anguan's own and must never be presented as the standard's. */
  readonly notFromStandard: boolean;
  readonly uncertain: boolean;
  readonly source: string;
  readonly note: string | null;
}

/** A scoring catalog: summary categories + sub-tables + rules. */
export interface ScoringCatalog<K extends 'jgj59' | 'dust' = 'jgj59' | 'dust'> {
  readonly kind: K;
  /** Recorded on every inspection, e.g. `jgj59-2011@1`. */
  readonly catalogVersion: string;
  readonly standard: CatalogStandard;
  readonly provenance: Provenance;
  readonly summary: {
    readonly tableNo: string | null;
    readonly name: string;
    readonly verification: Verification;
    readonly categories: readonly SummaryCategory[];
  };
  readonly rules: ScoringRules;
  readonly tables: readonly ScoreTable[];
}

/** The JGJ 59-2011 catalog: 表A summary (10 categories) and 表B.1–表B.19. */
export type Jgj59Catalog = ScoringCatalog<'jgj59'>;
/** anguan's dust checklist 参照 DGJ32/J 203-2016 (`provenance.notFromStandard` is true). */
export type DustCatalog = ScoringCatalog<'dust'>;

/** 一般隐患 (`general`) or 重大隐患 (`major`). */
export type HazardLevel = 'general' | 'major';

/** What a term node relates to in the scoring catalogs. */
export interface TermRelation {
  readonly tableId?: string;
  readonly itemId?: string;
  /** A JGJ 59 deduction rule id. */
  readonly deductionId?: string;
  /** A dust checklist deduction rule id. */
  readonly dustRuleId?: string;
}

/** A branch of the term tree: category → table/topic → item. */
export interface TermBranch {
  readonly id: string;
  readonly name: string;
  readonly kind: 'category' | 'table' | 'topic' | 'item';
  readonly relatesTo?: TermRelation;
  readonly children: readonly TermNode[];
}

/** A leaf: one standard defect phrase (检查用语). */
export interface TermPhrase {
  readonly id: string;
  readonly kind: 'phrase';
  /** The term code (anguan's until the standard's codes are known). */
  readonly code: string;
  /** The defect phrase. */
  readonly name: string;
  /** Default hazard level; the inspector may change it on a finding. */
  readonly hazardLevel: HazardLevel;
  /** Where the phrase comes from: a JGJ 59 row, the dust checklist, or anguan. */
  readonly source: 'jgj59' | 'dust' | 'anguan';
  readonly relatesTo: TermRelation | null;
}

/** Any node of the term tree. */
export type TermNode = TermBranch | TermPhrase;

/** The provisional inspection-term tree (检查用语), anguan's, derived from JGJ 59 rows. */
export interface InspectionTermTree {
  readonly kind: 'terms';
  readonly catalogVersion: string;
  readonly standard: { readonly code: string; readonly name: string; readonly note: string };
  readonly provenance: Provenance;
  readonly hazardLevels: readonly {
    readonly id: HazardLevel;
    readonly name: string;
    readonly basis: string | null;
  }[];
  /** The JGJ 59 catalog version whose ids `relatesTo` uses. */
  readonly jgj59CatalogVersion: string;
  /** The dust catalog version whose ids `relatesTo` uses. */
  readonly dustCatalogVersion: string;
  readonly categories: readonly TermBranch[];
}
