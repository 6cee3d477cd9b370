/**
 * `pnpm bench`: scores a complete 19-table JGJ 59 inspection and compares it, in the same run, with two
 * baselines over the same input: a trivial loop summing its deduction points, and a JSON round trip of it (what
 * storing the input costs anyway). Vitest prints each relative to the fastest; no timed assertion anywhere.
 */
import { bench, describe } from 'vitest';
import type { DeductionInput, ScoreInput, SheetInput } from '../scoring/types.js';
import { getJgj59Catalog } from './catalog.js';
import { scoreJgj59 } from './score.js';

const catalog = getJgj59Catalog();

/** One sheet per table, every item listed, the first row of every other item deducted once. */
function completeInspection(): ScoreInput {
  const sheets: SheetInput[] = catalog.tables.map((table) => ({
    tableId: table.id,
    label: table.tableNo ?? table.name,
    items: table.items.map((item, i) => {
      const rule = item.deductions[0];
      const deductions: DeductionInput[] =
        i % 2 === 1 && rule
          ? [{ ruleId: rule.id, ...(rule.pointsRange ? { points: rule.pointsRange[0] } : {}) }]
          : [];
      return { itemId: item.id, deductions };
    }),
  }));
  return { policy: 'provincial', sheets };
}

const input = completeInspection();
const json = JSON.stringify(input);
let sink = 0;

describe('complete 19-table JGJ 59 inspection (19 sheets, 189 items)', () => {
  bench('baseline: loop summing the deduction points of the input', () => {
    let total = 0;
    for (const sheet of input.sheets) {
      for (const item of sheet.items ?? []) {
        for (const deduction of item.deductions ?? []) {
          total += (deduction.points ?? 1) * (deduction.occurrences ?? 1);
        }
      }
    }
    sink += total;
  });

  bench('baseline: JSON.parse(JSON.stringify(input))', () => {
    sink += (JSON.parse(json) as ScoreInput).sheets.length;
  });

  bench('scoreJgj59 (provincial)', () => {
    sink += scoreJgj59(input).applicable;
  });

  bench('scoreJgj59 (strict)', () => {
    sink += scoreJgj59({ ...input, policy: 'strict' }).applicable;
  });
});

export { sink };
