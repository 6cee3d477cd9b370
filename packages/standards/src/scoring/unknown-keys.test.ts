import { describe, expect, it } from 'vitest';
import { InvalidInputError, StandardsError } from '../errors.js';
import { scoreJgj59 } from '../jgj59/score.js';
import type { ScoreInput } from './types.js';

function thrown(fn: () => unknown): StandardsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StandardsError) return error;
    throw error;
  }
  throw new Error('Expected a StandardsError');
}

const score = (input: unknown) => scoreJgj59(input as ScoreInput);

describe('scoring input with fields the shape does not have', () => {
  it('refuses `deduction` for `deductions` instead of scoring the item full marks', () => {
    const error = thrown(() =>
      score({
        sheets: [
          {
            tableId: 'safety_management',
            items: [{ itemId: 'safety_management.01', deduction: [{ ruleId: 'safety_management.01.01' }] }],
          },
        ],
      }),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.field).toBe('sheets[0].items[0].deduction');
  });

  it('names the unknown field at every level of the input', () => {
    const rule = { ruleId: 'safety_management.01.03', points: 4 };
    const item = (extra: object) => ({ itemId: 'safety_management.01', deductions: [{ ...rule, ...extra }] });
    const cases: Array<[unknown, string]> = [
      [{ sheets: [], polciy: 'strict' }, 'polciy'],
      [{ sheets: [{ tableId: 'safety_management', na: true }] }, 'sheets[0].na'],
      [
        { sheets: [{ tableId: 'safety_management', items: [item({ count: 2 })] }] },
        'sheets[0].items[0].deductions[0].count',
      ],
    ];
    for (const [input, field] of cases) expect(thrown(() => score(input)).field).toBe(field);
  });

  it('still accepts every documented field', () => {
    const result = score({
      catalogVersion: 'jgj59-2011@1',
      policy: 'strict',
      sheets: [
        {
          tableId: 'safety_management',
          label: '项目部',
          notApplicable: false,
          items: [
            {
              itemId: 'safety_management.01',
              notApplicable: false,
              deductions: [{ ruleId: 'safety_management.01.03', occurrences: 1, points: 4 }],
            },
          ],
        },
      ],
    });
    expect(result.sheets[0]!.items[0]!.deducted).toBe(4);
  });
});
