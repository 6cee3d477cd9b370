import { describe, expect, it } from 'vitest';
import { formatScore } from '../scoring/display.js';
import { getJgj59Catalog } from './catalog.js';
import { scoreJgj59 } from './score.js';

const deduction = { ruleId: 'safety_management.01.03', points: 4 };

describe('the TSDoc example of scoreJgj59', () => {
  it('returns what the example says for a fully listed sheet', () => {
    const table = getJgj59Catalog().tables.find((t) => t.id === 'safety_management')!;
    const result = scoreJgj59({
      sheets: [
        {
          tableId: 'safety_management',
          items: table.items.map((item) =>
            item.id === 'safety_management.01'
              ? { itemId: item.id, deductions: [deduction] }
              : { itemId: item.id },
          ),
        },
      ],
    });
    expect(formatScore(result.sheets[0]!.score!)).toBe('96.00');
    expect(formatScore(result.total!)).toBe('96.00');
    expect(result.categories.find((c) => c.categoryId === 'safety_management')?.weighted?.exact).toBe('48/5');
    expect(result.converted).toBe(true);
    expect(result.grade!.grade).toBe('优良');
  });

  it('returns what the example note says when one item is listed', () => {
    const result = scoreJgj59({
      sheets: [
        {
          tableId: 'safety_management',
          items: [{ itemId: 'safety_management.01', deductions: [deduction] }],
        },
      ],
    });
    expect(formatScore(result.sheets[0]!.score!)).toBe('0.00');
    expect(result.sheets[0]!.zeroReasons[0]).toMatchObject({
      code: 'guaranteed_subtotal_below_minimum',
      subtotal: 6,
    });
    expect(result.grade!.grade).toBe('不合格');
  });
});
