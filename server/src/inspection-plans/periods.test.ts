import { describe, expect, it } from 'vitest';
import { addMonths, currentPeriod, missedPeriods, planPeriod } from './periods.js';

describe('inspection plan periods', () => {
  it('moves by whole months, keeping the day or clamping it to the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('ends each period the day before the next one starts', () => {
    expect(planPeriod('2026-01-15', 'monthly', 0)).toEqual({ start: '2026-01-15', end: '2026-02-14' });
    expect(planPeriod('2026-01-01', 'quarterly', 3)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(planPeriod('2026-01-31', 'monthly', 1)).toEqual({ start: '2026-02-28', end: '2026-03-30' });
  });

  it('finds the period a day falls in, its end being the next due date', () => {
    expect(currentPeriod('2026-01-15', 'monthly', '2026-01-14')).toBeNull();
    expect(currentPeriod('2026-01-15', 'monthly', '2026-02-14')).toEqual({
      start: '2026-01-15',
      end: '2026-02-14',
    });
    expect(currentPeriod('2026-01-15', 'monthly', '2026-02-15')).toEqual({
      start: '2026-02-15',
      end: '2026-03-14',
    });
  });

  it('counts a period missed only from the day after its due date, and not when an inspection falls within it', () => {
    const plan = { startDate: '2026-01-15', frequency: 'monthly' as const };
    const window = { from: '2026-01-01', to: '2026-12-31' };
    expect(missedPeriods(plan, [], '2026-02-14', window)).toEqual([]);
    expect(missedPeriods(plan, [], '2026-02-15', window)).toEqual([
      { start: '2026-01-15', end: '2026-02-14' },
    ]);
    expect(missedPeriods(plan, ['2026-02-14'], '2026-02-15', window)).toEqual([]);
    expect(missedPeriods(plan, ['2026-01-14'], '2026-02-15', window)).toHaveLength(1);
    expect(missedPeriods(plan, ['2026-01-20'], '2026-04-01', window)).toEqual([
      { start: '2026-02-15', end: '2026-03-14' },
    ]);
  });
});
