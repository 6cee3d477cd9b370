import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inspectionArb } from '../../test/arbitraries.js';
import { getDustCatalog } from '../dust/catalog.js';
import { getJgj59Catalog } from '../jgj59/catalog.js';
import { scoreInspection } from './score.js';
import type { ExactScore } from './display.js';
import type { ItemInput, ScoreInput, ScoreResult, SheetInput } from './types.js';
import { compare, parseFraction, rational } from './rational.js';

const catalog = getJgj59Catalog();
const RUNS = { numRuns: 150 };

/** a ≤ b on exact scores (null on either side is not compared). */
function atMost(a: ExactScore | null, b: ExactScore | null): boolean {
  if (a === null || b === null) return true;
  const x = parseFraction(a.exact);
  const y = parseFraction(b.exact);
  return x !== null && y !== null && compare(x, y) <= 0;
}

const within = (s: ExactScore | null, max: number) =>
  atMost(s, { exact: `${max}`, value: max }) && atMost({ exact: '0', value: 0 }, s);

function expectBounded(result: ScoreResult): void {
  for (const sheet of result.sheets) {
    expect(within(sheet.score, 100)).toBe(true);
    for (const item of sheet.items) {
      if (item.score !== null) expect(item.score).toBeGreaterThanOrEqual(0);
      if (item.score !== null) expect(item.score).toBeLessThanOrEqual(item.points);
    }
  }
  for (const category of result.categories) {
    expect(within(category.score, 100)).toBe(true);
    expect(within(category.weighted, category.weight)).toBe(true);
  }
  expect(within(result.total, 100)).toBe(true);
}

/** Replaces item `itemIndex` of sheet `sheetIndex`. */
function withItem(input: ScoreInput, sheetIndex: number, itemIndex: number, item: ItemInput): ScoreInput {
  const sheets = input.sheets.map((sheet, i): SheetInput => {
    if (i !== sheetIndex) return sheet;
    const items = [...(sheet.items ?? [])];
    items[itemIndex] = item;
    return { ...sheet, items };
  });
  return { ...input, sheets };
}

/** The first listed, scored item that has a rule not yet applied, with that rule. */
function findExtraDeduction(input: ScoreInput, pick: number) {
  const candidates = input.sheets.flatMap((sheet, s) =>
    (sheet.items ?? []).flatMap((item, i) => {
      if (item.notApplicable) return [];
      const used = new Set((item.deductions ?? []).map((d) => d.ruleId));
      const table = catalog.tables.find((t) => t.id === sheet.tableId);
      const rules = table?.items.find((x) => x.id === item.itemId)?.deductions ?? [];
      return rules.filter((r) => !used.has(r.id)).map((rule) => ({ s, i, item, rule }));
    }),
  );
  return candidates.length === 0 ? null : candidates[pick % candidates.length];
}

describe('scoring properties', () => {
  it('keeps every item, sheet, category and total score within its bounds', () => {
    fc.assert(
      fc.property(inspectionArb(catalog), (input) => expectBounded(scoreInspection(catalog, input))),
      RUNS,
    );
  });

  it('keeps dust scores within bounds too', () => {
    const dust = getDustCatalog();
    fc.assert(
      fc.property(inspectionArb(dust, 4), (input) => expectBounded(scoreInspection(dust, input))),
      RUNS,
    );
  });

  it('never raises a sheet score or the total when a deduction is added', () => {
    fc.assert(
      fc.property(inspectionArb(catalog), fc.nat(), (input, pick) => {
        const extra = findExtraDeduction(input, pick);
        fc.pre(extra !== null && extra !== undefined);
        if (!extra) return;
        const { s, i, item, rule } = extra;
        const added = { ruleId: rule.id, ...(rule.pointsRange ? { points: rule.pointsRange[0] } : {}) };
        const after = withItem(input, s, i, { ...item, deductions: [...(item.deductions ?? []), added] });
        const before = scoreInspection(catalog, input);
        const next = scoreInspection(catalog, after);
        expect(atMost(next.sheets[s]?.score ?? null, before.sheets[s]?.score ?? null)).toBe(true);
        expect(atMost(next.total, before.total)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never lowers a sheet score or the total when an item is marked 缺项 under the provincial policy', () => {
    fc.assert(
      fc.property(inspectionArb(catalog), fc.nat(), (generated, pick) => {
        const input: ScoreInput = { ...generated, policy: 'provincial' };
        const listed = input.sheets.flatMap((sheet, s) =>
          (sheet.items ?? []).map((item, i) => ({ s, i, item })),
        );
        fc.pre(listed.length > 0);
        const target = listed[pick % listed.length];
        if (!target) return;
        const after = withItem(input, target.s, target.i, {
          itemId: target.item.itemId,
          notApplicable: true,
        });
        const before = scoreInspection(catalog, input);
        const next = scoreInspection(catalog, after);
        expect(atMost(before.sheets[target.s]?.score ?? null, next.sheets[target.s]?.score ?? null)).toBe(
          true,
        );
        expect(atMost(before.total, next.total)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never lowers the total when a whole sheet is marked 缺项 under the provincial policy', () => {
    fc.assert(
      fc.property(inspectionArb(catalog), fc.nat(), (generated, pick) => {
        fc.pre(generated.sheets.length > 0);
        const input: ScoreInput = { ...generated, policy: 'provincial' };
        const s = pick % input.sheets.length;
        const sheets = input.sheets.map((sheet, i) =>
          i === s ? { tableId: sheet.tableId, notApplicable: true } : sheet,
        );
        expect(
          atMost(scoreInspection(catalog, input).total, scoreInspection(catalog, { ...input, sheets }).total),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('scores the provincial policy at least as high as the strict one', () => {
    fc.assert(
      fc.property(inspectionArb(catalog), (input) => {
        const provincial = scoreInspection(catalog, { ...input, policy: 'provincial' });
        const strict = scoreInspection(catalog, { ...input, policy: 'strict' });
        expect(atMost(strict.total, provincial.total)).toBe(true);
        provincial.sheets.forEach((sheet, i) =>
          expect(atMost(strict.sheets[i]?.score ?? null, sheet.score)).toBe(true),
        );
      }),
      RUNS,
    );
  });

  it('matches the total to the weighted categories: total × E = Σ A1 × 100', () => {
    fc.assert(
      fc.property(inspectionArb(catalog), (input) => {
        const result = scoreInspection(catalog, input);
        const total = result.total === null ? null : parseFraction(result.total.exact);
        const earned = parseFraction(result.earned.exact);
        fc.pre(total !== null && earned !== null);
        if (total === null || earned === null) return;
        const lhs = rational(total.n * BigInt(result.applicable), total.d);
        expect(compare(lhs, rational(earned.n * 100n, earned.d))).toBe(0);
      }),
      RUNS,
    );
  });
});
