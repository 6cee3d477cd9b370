/**
 * fast-check arbitraries of valid scoring input for any scoring catalog.
 */
import fc from 'fast-check';
import type { CheckItem, DeductionRule, ScoreTable, ScoringCatalog } from '../src/catalog/types.js';
import type {
  DeductionInput,
  ItemInput,
  MissingItemPolicy,
  ScoreInput,
  SheetInput,
} from '../src/scoring/types.js';

const tenths = (points: number) => Math.round(points * 10);

/** A valid deduction of `rule`, or null when the rule is not applied. */
function deductionArb(rule: DeductionRule): fc.Arbitrary<DeductionInput | null> {
  const [min, max] = rule.pointsRange ?? [rule.points, rule.points];
  return fc
    .record({
      used: fc.integer({ min: 0, max: 4 }),
      occurrences: fc.integer({ min: 1, max: rule.per ? 4 : 1 }),
      points: fc.integer({ min: tenths(min), max: tenths(max) }),
    })
    .map(({ used, occurrences, points }) =>
      used !== 0
        ? null
        : {
            ruleId: rule.id,
            ...(rule.pointsRange ? { points: points / 10 } : {}),
            ...(occurrences > 1 ? { occurrences } : {}),
          },
    );
}

/** An item that is scored (mostly), 缺项, or unchecked (`null`: not listed). */
function itemArb(item: CheckItem): fc.Arbitrary<ItemInput | null> {
  return fc
    .tuple(fc.integer({ min: 0, max: 9 }), fc.tuple(...item.deductions.map(deductionArb)))
    .map(([roll, deductions]) => {
      if (roll === 0) return null;
      if (roll === 1) return { itemId: item.id, notApplicable: true };
      return { itemId: item.id, deductions: deductions.filter((d): d is DeductionInput => d !== null) };
    });
}

function sheetArb(table: ScoreTable): fc.Arbitrary<SheetInput> {
  return fc
    .tuple(fc.integer({ min: 0, max: 14 }), fc.tuple(...table.items.map(itemArb)))
    .map(([roll, items]) =>
      roll === 0
        ? { tableId: table.id, notApplicable: true }
        : { tableId: table.id, items: items.filter((i): i is ItemInput => i !== null) },
    );
}

/** A valid inspection of `catalog` with 0–`maxSheets` sheets of random tables and a random policy. */
export function inspectionArb(catalog: ScoringCatalog, maxSheets = 24): fc.Arbitrary<ScoreInput> {
  const sheet = fc.constantFrom(...catalog.tables).chain(sheetArb);
  return fc.record({
    policy: fc.constantFrom<MissingItemPolicy>('provincial', 'strict'),
    sheets: fc.array(sheet, { maxLength: maxSheets }),
  });
}
