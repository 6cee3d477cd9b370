import { describe, expect, it } from 'vitest';
import {
  DuplicateError,
  InvalidInputError,
  OutOfRangeError,
  StandardsError,
  UnknownCatalogVersionError,
  UnknownIdError,
} from '../errors.js';
import { scoreJgj59 } from '../jgj59/score.js';
import type { DeductionInput, ScoreInput } from './types.js';

/** Scores one 安全管理 sheet whose first item carries `deductions`. */
const withDeductions = (...deductions: DeductionInput[]) =>
  scoreJgj59({
    sheets: [{ tableId: 'safety_management', items: [{ itemId: 'safety_management.01', deductions }] }],
  });

/** Runs `fn` and returns what it threw. */
function thrown(fn: () => unknown): StandardsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StandardsError) return error;
    throw error;
  }
  throw new Error('Expected a StandardsError');
}

describe('scoreJgj59 input validation', () => {
  it('rejects an unknown table id, naming the field', () => {
    const error = thrown(() => scoreJgj59({ sheets: [{ tableId: 'nope' }] }));
    expect(error).toBeInstanceOf(UnknownIdError);
    expect(error).toMatchObject({ code: 'unknown_id', field: 'sheets[0].tableId', id: 'nope' });
  });

  it('rejects an item id of another table', () => {
    const error = thrown(() =>
      scoreJgj59({ sheets: [{ tableId: 'safety_management', items: [{ itemId: 'tower_crane.01' }] }] }),
    );
    expect(error).toMatchObject({ code: 'unknown_id', field: 'sheets[0].items[0].itemId' });
  });

  it('rejects a rule id of another item of the same table', () => {
    const error = thrown(() => withDeductions({ ruleId: 'safety_management.02.01' }));
    expect(error).toMatchObject({ code: 'unknown_id', field: 'sheets[0].items[0].deductions[0].ruleId' });
  });

  it('rejects points above the range (扣2～10分, 10.5)', () => {
    const error = thrown(() => withDeductions({ ruleId: 'safety_management.01.03', points: 10.5 }));
    expect(error).toBeInstanceOf(OutOfRangeError);
    expect(error.field).toBe('sheets[0].items[0].deductions[0].points');
  });

  it('rejects points below the range (扣2～10分, 1.9)', () => {
    expect(thrown(() => withDeductions({ ruleId: 'safety_management.01.03', points: 1.9 }))).toBeInstanceOf(
      OutOfRangeError,
    );
  });

  it('accepts both ends of a range (2 and 10)', () => {
    expect(withDeductions({ ruleId: 'safety_management.01.03', points: 2 }).sheets[0]?.items[0]?.score).toBe(
      8,
    );
    expect(withDeductions({ ruleId: 'safety_management.01.03', points: 10 }).sheets[0]?.items[0]?.score).toBe(
      0,
    );
  });

  it('requires points on a range row', () => {
    const error = thrown(() => withDeductions({ ruleId: 'safety_management.01.03' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.field).toBe('sheets[0].items[0].deductions[0].points');
  });

  it('rejects points finer than a tenth', () => {
    expect(thrown(() => withDeductions({ ruleId: 'safety_management.01.03', points: 2.55 }))).toBeInstanceOf(
      InvalidInputError,
    );
  });

  it('rejects points on a fixed row that differ from the row', () => {
    const error = thrown(() => withDeductions({ ruleId: 'safety_management.01.02', points: 2 }));
    expect(error).toMatchObject({ code: 'out_of_range', field: 'sheets[0].items[0].deductions[0].points' });
  });

  it('accepts points on a fixed row that equal the row', () => {
    expect(withDeductions({ ruleId: 'safety_management.01.02', points: 3 }).sheets[0]?.items[0]?.score).toBe(
      7,
    );
  });

  it('rejects negative and zero occurrences as out of range', () => {
    for (const occurrences of [-1, 0]) {
      const error = thrown(() =>
        scoreJgj59({
          sheets: [
            {
              tableId: 'safety_management',
              items: [
                {
                  itemId: 'safety_management.08',
                  deductions: [{ ruleId: 'safety_management.08.01', occurrences }],
                },
              ],
            },
          ],
        }),
      );
      expect(error).toMatchObject({
        code: 'out_of_range',
        field: 'sheets[0].items[0].deductions[0].occurrences',
      });
    }
  });

  it('rejects fractional occurrences as invalid', () => {
    const input: ScoreInput = {
      sheets: [
        {
          tableId: 'safety_management',
          items: [
            {
              itemId: 'safety_management.08',
              deductions: [{ ruleId: 'safety_management.08.01', occurrences: 1.5 }],
            },
          ],
        },
      ],
    };
    expect(thrown(() => scoreJgj59(input))).toBeInstanceOf(InvalidInputError);
  });

  it('rejects more than one occurrence on a one-off row', () => {
    const error = thrown(() => withDeductions({ ruleId: 'safety_management.01.02', occurrences: 2 }));
    expect(error).toMatchObject({
      code: 'out_of_range',
      field: 'sheets[0].items[0].deductions[0].occurrences',
    });
  });

  it('rejects the same rule twice in one item', () => {
    const error = thrown(() =>
      withDeductions({ ruleId: 'safety_management.01.02' }, { ruleId: 'safety_management.01.02' }),
    );
    expect(error).toBeInstanceOf(DuplicateError);
    expect(error.field).toBe('sheets[0].items[0].deductions[1].ruleId');
  });

  it('rejects the same item twice in one sheet', () => {
    const error = thrown(() =>
      scoreJgj59({
        sheets: [
          {
            tableId: 'safety_management',
            items: [{ itemId: 'safety_management.01' }, { itemId: 'safety_management.01' }],
          },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'duplicate', field: 'sheets[0].items[1].itemId' });
  });

  it('rejects deductions on a 缺项 item and items on a 缺项 sheet', () => {
    const item = thrown(() =>
      scoreJgj59({
        sheets: [
          {
            tableId: 'safety_management',
            items: [
              {
                itemId: 'safety_management.01',
                notApplicable: true,
                deductions: [{ ruleId: 'safety_management.01.02' }],
              },
            ],
          },
        ],
      }),
    );
    expect(item).toMatchObject({ code: 'invalid_input', field: 'sheets[0].items[0].deductions' });
    const sheet = thrown(() =>
      scoreJgj59({
        sheets: [
          { tableId: 'safety_management', notApplicable: true, items: [{ itemId: 'safety_management.01' }] },
        ],
      }),
    );
    expect(sheet).toMatchObject({ code: 'invalid_input', field: 'sheets[0].items' });
  });

  it('rejects a missing input object', () => {
    expect(thrown(() => scoreJgj59(null as never))).toMatchObject({ code: 'invalid_input', field: 'input' });
  });

  it('rejects an unknown policy and a malformed sheets list', () => {
    expect(thrown(() => scoreJgj59({ sheets: [], policy: 'lenient' as never }))).toMatchObject({
      field: 'policy',
    });
    expect(thrown(() => scoreJgj59({ sheets: 'all' as never }))).toMatchObject({ field: 'sheets' });
    expect(thrown(() => scoreJgj59({ sheets: [null as never] }))).toMatchObject({ field: 'sheets[0]' });
  });

  it('rejects a catalog version that is not bundled', () => {
    const error = thrown(() => scoreJgj59({ catalogVersion: 'jgj59-2011@99', sheets: [] }));
    expect(error).toBeInstanceOf(UnknownCatalogVersionError);
    expect(error.field).toBe('catalogVersion');
  });

  it('does not modify its input', () => {
    const input: ScoreInput = {
      sheets: [{ tableId: 'safety_management', items: [{ itemId: 'safety_management.01', deductions: [] }] }],
    };
    const copy = structuredClone(input);
    scoreJgj59(input);
    expect(input).toEqual(copy);
  });
});

describe('scoreJgj59 warnings', () => {
  it('flags an applied deduction row whose value the catalog marks uncertain', () => {
    // 01.06 未制定安全生产资金保障制度: one copy says 扣3, another 扣5.
    const result = withDeductions({ ruleId: 'safety_management.01.06' });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'uncertain_rule_applied',
        ruleId: 'safety_management.01.06',
        sheetIndex: 0,
      }),
    );
    expect(result.sheets[0]?.items[0]?.deductions[0]).toMatchObject({ uncertain: true, deducted: 5 });
  });
});
