/**
 * Validates scoring input against a catalog and resolves it to catalog objects and integer tenths. Nothing is
 * clamped or guessed: every problem is a typed error naming the input field.
 *
 * @internal
 * @module
 */
import type { CheckItem, DeductionRule, ScoreTable, ScoringCatalog } from '../catalog/types.js';
import { isTenths, toTenths } from '../catalog/schema.js';
import { DuplicateError, InvalidInputError, OutOfRangeError, UnknownIdError } from '../errors.js';
import { indexCatalog, type ItemEntry, type TableIndex } from './catalog-index.js';
import type { DeductionInput, ItemInput, MissingItemPolicy, ScoreInput, SheetInput } from './types.js';

/** A deduction resolved to its rule, in tenths. */
export interface ResolvedDeduction {
  readonly rule: DeductionRule;
  readonly occurrences: number;
  readonly eachTenths: number;
}

/** An item of a sheet, in catalog order. */
export interface ResolvedItem {
  readonly item: CheckItem;
  readonly status: 'scored' | 'not_applicable' | 'unchecked';
  readonly deductions: readonly ResolvedDeduction[];
}

/** A sheet resolved against its table. */
export interface ResolvedSheet {
  readonly index: number;
  readonly table: ScoreTable;
  readonly label: string | null;
  readonly notApplicable: boolean;
  readonly items: readonly ResolvedItem[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Refuses fields the input shape does not have: a typo such as `deduction` for `deductions` would otherwise
 * leave the item without deductions and score it full marks, silently.
 */
function rejectUnknownKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const path = field === 'input' ? key : `${field}.${key}`;
      throw new InvalidInputError(path, `unknown field "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

const INPUT_KEYS = ['catalogVersion', 'policy', 'sheets'] as const;
const SHEET_KEYS = ['tableId', 'label', 'notApplicable', 'items'] as const;
const ITEM_KEYS = ['itemId', 'notApplicable', 'deductions'] as const;
const DEDUCTION_KEYS = ['ruleId', 'occurrences', 'points'] as const;

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new InvalidInputError(field, `${field} must be a boolean`);
  return value;
}

function optionalArray<T>(value: unknown, field: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidInputError(field, `${field} must be an array`);
  return value as readonly T[];
}

function resolveOccurrences(input: DeductionInput, rule: DeductionRule, field: string): number {
  const value: unknown = input.occurrences ?? 1;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new InvalidInputError(`${field}.occurrences`, 'occurrences must be an integer');
  }
  if (value < 1) throw new OutOfRangeError(`${field}.occurrences`, 'occurrences must be at least 1');
  // A one-off row (no 每处/每人…) is deducted once however often the condition is seen.
  if (rule.per === null && value !== 1) {
    throw new OutOfRangeError(`${field}.occurrences`, `rule ${rule.id} is one-off; occurrences must be 1`);
  }
  return value;
}

function resolvePoints(input: DeductionInput, rule: DeductionRule, field: string): number {
  const value: unknown = input.points;
  if (rule.pointsRange === null) {
    if (value !== undefined && value !== rule.points) {
      throw new OutOfRangeError(`${field}.points`, `rule ${rule.id} deducts exactly ${rule.points}`);
    }
    return toTenths(rule.points);
  }
  const [min, max] = rule.pointsRange;
  if (typeof value !== 'number' || !isTenths(value)) {
    throw new InvalidInputError(
      `${field}.points`,
      `rule ${rule.id} needs points in whole tenths from ${min} to ${max}`,
    );
  }
  if (value < min || value > max) {
    throw new OutOfRangeError(
      `${field}.points`,
      `points ${value} outside 扣${min}～${max}分 of rule ${rule.id}`,
    );
  }
  return toTenths(value);
}

function resolveDeduction(
  value: unknown,
  rules: ReadonlyMap<string, DeductionRule>,
  field: string,
): ResolvedDeduction {
  if (!isRecord(value)) throw new InvalidInputError(field, `${field} must be an object`);
  rejectUnknownKeys(value, DEDUCTION_KEYS, field);
  const input = value as unknown as DeductionInput;
  const rule = typeof input.ruleId === 'string' ? rules.get(input.ruleId) : undefined;
  if (!rule) throw new UnknownIdError(`${field}.ruleId`, String(input.ruleId));
  return {
    rule,
    occurrences: resolveOccurrences(input, rule, field),
    eachTenths: resolvePoints(input, rule, field),
  };
}

function resolveItem(value: Record<string, unknown>, entry: ItemEntry, field: string): ResolvedItem {
  rejectUnknownKeys(value, ITEM_KEYS, field);
  const input = value as unknown as ItemInput;
  const notApplicable = optionalBoolean(input.notApplicable, `${field}.notApplicable`);
  const raw = optionalArray<unknown>(input.deductions, `${field}.deductions`);
  if (notApplicable && raw.length > 0) {
    throw new InvalidInputError(`${field}.deductions`, 'a 缺项 item cannot carry deductions');
  }
  const seen = new Set<string>();
  const deductions = raw.map((d, k) => {
    const resolved = resolveDeduction(d, entry.rules, `${field}.deductions[${k}]`);
    if (seen.has(resolved.rule.id)) {
      throw new DuplicateError(`${field}.deductions[${k}].ruleId`, resolved.rule.id);
    }
    seen.add(resolved.rule.id);
    return resolved;
  });
  return { item: entry.item, status: notApplicable ? 'not_applicable' : 'scored', deductions };
}

function resolveSheet(value: unknown, index: number, tables: ReadonlyMap<string, TableIndex>): ResolvedSheet {
  const field = `sheets[${index}]`;
  if (!isRecord(value)) throw new InvalidInputError(field, `${field} must be an object`);
  rejectUnknownKeys(value, SHEET_KEYS, field);
  const input = value as unknown as SheetInput;
  const tableIndex = typeof input.tableId === 'string' ? tables.get(input.tableId) : undefined;
  if (!tableIndex) throw new UnknownIdError(`${field}.tableId`, String(input.tableId));
  if (input.label !== undefined && typeof input.label !== 'string') {
    throw new InvalidInputError(`${field}.label`, 'label must be a string');
  }
  const notApplicable = optionalBoolean(input.notApplicable, `${field}.notApplicable`);
  const rawItems = optionalArray<unknown>(input.items, `${field}.items`);
  if (notApplicable && rawItems.length > 0) {
    throw new InvalidInputError(`${field}.items`, 'a 缺项 sheet cannot list items');
  }
  const listed = new Map<string, ResolvedItem>();
  rawItems.forEach((item, j) => {
    const itemField = `${field}.items[${j}]`;
    if (!isRecord(item)) throw new InvalidInputError(itemField, `${itemField} must be an object`);
    const entry = typeof item['itemId'] === 'string' ? tableIndex.items.get(item['itemId']) : undefined;
    if (!entry) throw new UnknownIdError(`${itemField}.itemId`, String(item['itemId']));
    if (listed.has(entry.item.id)) throw new DuplicateError(`${itemField}.itemId`, entry.item.id);
    listed.set(entry.item.id, resolveItem(item, entry, itemField));
  });
  const items = tableIndex.table.items.map(
    (item) => listed.get(item.id) ?? { item, status: 'unchecked' as const, deductions: [] },
  );
  return { index, table: tableIndex.table, label: input.label ?? null, notApplicable, items };
}

/** The policy, validated; default `provincial`. */
export function resolvePolicy(value: unknown): MissingItemPolicy {
  if (value === undefined) return 'provincial';
  if (value !== 'provincial' && value !== 'strict') {
    throw new InvalidInputError('policy', 'policy must be "provincial" or "strict"');
  }
  return value;
}

/** Validates `input.sheets` against `catalog` and resolves ids, points and occurrences. */
export function resolveSheets(catalog: ScoringCatalog, input: ScoreInput): ResolvedSheet[] {
  if (!isRecord(input)) throw new InvalidInputError('input', 'input must be an object');
  rejectUnknownKeys(input, INPUT_KEYS, 'input');
  if (!Array.isArray(input.sheets)) throw new InvalidInputError('sheets', 'sheets must be an array');
  const tables = indexCatalog(catalog);
  return input.sheets.map((sheet, i) => resolveSheet(sheet, i, tables));
}
