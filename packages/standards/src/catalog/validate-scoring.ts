/**
 * Schema and integrity validation of scoring catalogs (JGJ 59, dust). Builds a fresh typed, frozen copy: unknown
 * fields are dropped, so nothing unchecked reaches the engine.
 *
 * @module
 */
import type {
  CheckItem,
  DeductionRule,
  ScoreTable,
  ScoringCatalog,
  ScoringRules,
  SummaryCategory,
  Verification,
} from './types.js';
import {
  arrayAt,
  asObject,
  asString,
  booleanAt,
  deepFreeze,
  enumAt,
  enumOrNullAt,
  objectAt,
  pointsAt,
  ensure,
  stringAt,
  stringOrNullAt,
  type Obj,
} from './schema.js';
import { checkScoringIntegrity } from './integrity.js';

const STATUSES = [
  'confirmed',
  'mostly_confirmed',
  'partly_confirmed',
  'recalled',
  'not_from_standard',
] as const;
const PER_UNITS = ['每处', '每人', '每项', '每台', '每辆', '每次'] as const;

function readVerification(o: Obj): Verification {
  return {
    status: enumAt(o, 'status', STATUSES),
    uncertain: booleanAt(o, 'uncertain'),
    note: stringOrNullAt(o, 'note'),
    sources: arrayAt(o, 'sources', asString),
  };
}

function readRange(o: Obj, points: number): readonly [number, number] | null {
  const value = o.value['pointsRange'];
  if (value === null || value === undefined) return null;
  const path = `${o.path}.pointsRange`;
  ensure(Array.isArray(value) && value.length === 2, path, 'expected [min, max]');
  const pair = asObject({ min: (value as unknown[])[0], max: (value as unknown[])[1] }, path);
  const min = pointsAt(pair, 'min');
  const max = pointsAt(pair, 'max');
  ensure(min > 0 && min < max, path, 'expected 0 < min < max');
  ensure(max === points, path, 'max must equal points');
  return [min, max];
}

function readRule(value: unknown, path: string): DeductionRule {
  const o = asObject(value, path);
  const points = pointsAt(o, 'points');
  ensure(points > 0, `${path}.points`, 'a deduction must deduct something');
  return {
    id: stringAt(o, 'id'),
    text: stringAt(o, 'text'),
    raw: stringAt(o, 'raw'),
    points,
    pointsRange: readRange(o, points),
    per: enumOrNullAt(o, 'per', PER_UNITS),
    uncertain: booleanAt(o, 'uncertain'),
    note: stringOrNullAt(o, 'note'),
  };
}

function readItem(value: unknown, path: string): CheckItem {
  const o = asObject(value, path);
  const no = pointsAt(o, 'no');
  ensure(Number.isInteger(no) && no >= 1, `${path}.no`, 'expected an item number from 1');
  return {
    id: stringAt(o, 'id'),
    no,
    name: stringAt(o, 'name'),
    points: pointsAt(o, 'points'),
    group: enumOrNullAt(o, 'group', ['保证项目', '一般项目'] as const),
    rowsMatched: enumOrNullAt(o, 'rowsMatched', ['all', 'some', 'none'] as const),
    uncertain: booleanAt(o, 'uncertain'),
    note: stringOrNullAt(o, 'note'),
    deductions: arrayAt(o, 'deductions', readRule),
  };
}

function readTable(value: unknown, path: string): ScoreTable {
  const o = asObject(value, path);
  const hasGuaranteedSplit = booleanAt(o, 'hasGuaranteedSplit');
  return {
    id: stringAt(o, 'id'),
    tableNo: stringOrNullAt(o, 'tableNo'),
    name: stringAt(o, 'name'),
    category: stringAt(o, 'category'),
    hasGuaranteedSplit,
    fullScore: pointsAt(o, 'fullScore'),
    guaranteedSubtotal: hasGuaranteedSplit ? pointsAt(o, 'guaranteedSubtotal') : null,
    verification: readVerification(objectAt(o, 'verification')),
    items: arrayAt(o, 'items', readItem),
  };
}

function readCategory(value: unknown, path: string): SummaryCategory {
  const o = asObject(value, path);
  return {
    id: stringAt(o, 'id'),
    name: stringAt(o, 'name'),
    points: pointsAt(o, 'points'),
    tableIds: arrayAt(o, 'tableIds', asString),
    aggregation: enumAt(o, 'aggregation', ['single', 'average'] as const),
  };
}

function readRules(o: Obj): ScoringRules {
  return {
    fullScore: pointsAt(o, 'fullScore'),
    guaranteedMinimum: pointsAt(o, 'guaranteedMinimum'),
    gradeBands: arrayAt(o, 'gradeBands', (v, p) => {
      const band = asObject(v, p);
      return { grade: stringAt(band, 'grade'), min: pointsAt(band, 'min') };
    }),
    zeroSheetGrade: stringAt(o, 'zeroSheetGrade'),
    clauses: arrayAt(o, 'clauses', (v, p) => {
      const c = asObject(v, p);
      return { id: stringAt(c, 'id'), clause: stringAt(c, 'clause'), text: stringAt(c, 'text') };
    }),
  };
}

/**
 * Validates catalog JSON (schema and integrity) and returns a typed, deeply frozen copy.
 *
 * Integrity: ids unique and prefixed by their parent's id; every table's items sum to its full score; a split
 * table's 保证项目 sum to `guaranteedSubtotal`; ranges end at `points`; every table belongs to exactly one
 * summary category; weights sum to the full score; grade bands descend to 0.
 *
 * @param data - Parsed JSON (e.g. a new catalog version loaded by the server).
 * @param kind - The expected `kind`.
 * @returns The validated catalog.
 * @throws {@link CatalogInvalidError} naming the first offending path.
 * @example const catalog = loadScoringCatalog(JSON.parse(text), 'jgj59');
 */
export function loadScoringCatalog<K extends 'jgj59' | 'dust'>(data: unknown, kind: K): ScoringCatalog<K> {
  const o = asObject(data, '$');
  enumAt(o, 'kind', [kind] as const);
  const summary = objectAt(o, 'summary');
  const standard = objectAt(o, 'standard');
  const provenance = objectAt(o, 'provenance');
  const catalog: ScoringCatalog<K> = {
    kind,
    catalogVersion: stringAt(o, 'catalogVersion'),
    standard: {
      code: stringAt(standard, 'code'),
      name: stringAt(standard, 'name'),
      issuedBy: stringOrNullAt(standard, 'issuedBy'),
      effective: stringOrNullAt(standard, 'effective'),
      note: stringOrNullAt(standard, 'note'),
    },
    provenance: {
      notFromStandard: booleanAt(provenance, 'notFromStandard'),
      uncertain: booleanAt(provenance, 'uncertain'),
      source: stringAt(provenance, 'source'),
      note: stringOrNullAt(provenance, 'note'),
    },
    summary: {
      tableNo: stringOrNullAt(summary, 'tableNo'),
      name: stringAt(summary, 'name'),
      verification: readVerification(objectAt(summary, 'verification')),
      categories: arrayAt(summary, 'categories', readCategory),
    },
    rules: readRules(objectAt(o, 'rules')),
    tables: arrayAt(o, 'tables', readTable),
  };
  checkScoringIntegrity(catalog);
  return deepFreeze(catalog);
}
