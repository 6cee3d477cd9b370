/**
 * The periods of a recurring inspection plan, on Asia/Shanghai calendar days (`YYYY-MM-DD`, no instants).
 * Period k starts k × interval months after the plan's start date (the same day of the month, clamped to the
 * month's last day) and ends the day before period k + 1 starts; one enterprise inspection is due within each.
 */

export const PLAN_FREQUENCIES = ['monthly', 'bimonthly', 'quarterly', 'half_yearly'] as const;
export type PlanFrequency = (typeof PLAN_FREQUENCIES)[number];

export const PLAN_FREQUENCY_MONTHS: Record<PlanFrequency, number> = {
  monthly: 1,
  bimonthly: 2,
  quarterly: 3,
  half_yearly: 6,
};

export const PLAN_FREQUENCY_LABELS: Record<PlanFrequency, string> = {
  monthly: '每月',
  bimonthly: '每两个月',
  quarterly: '每季度',
  half_yearly: '每半年',
};

export interface PlanPeriod {
  readonly start: string;
  /** The last day an inspection may be made for this period (inclusive): its due date. */
  readonly end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` moved by `months` whole months, keeping its day of the month where the month has it. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}

export function previousDay(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The `k`-th period (0-based) of a plan. */
export function planPeriod(startDate: string, frequency: PlanFrequency, k: number): PlanPeriod {
  const step = PLAN_FREQUENCY_MONTHS[frequency];
  return {
    start: addMonths(startDate, k * step),
    end: previousDay(addMonths(startDate, (k + 1) * step)),
  };
}

/** Periods that have started on or before `until`, in order (capped: a plan is not read centuries ahead). */
export function periodsUntil(startDate: string, frequency: PlanFrequency, until: string): PlanPeriod[] {
  const periods: PlanPeriod[] = [];
  for (let k = 0; k < 1200; k++) {
    const period = planPeriod(startDate, frequency, k);
    if (period.start > until) break;
    periods.push(period);
  }
  return periods;
}

/** The period `today` falls in (its end is the next due date), or null before the plan starts. */
export function currentPeriod(startDate: string, frequency: PlanFrequency, today: string): PlanPeriod | null {
  return periodsUntil(startDate, frequency, today).at(-1) ?? null;
}

/**
 * Periods of `year` that are over by `today` (their due date has passed) with no inspection dated within them,
 * limited to `[from, to]` (the project's construction window).
 */
export function missedPeriods(
  plan: { startDate: string; frequency: PlanFrequency },
  inspectionDates: readonly string[],
  today: string,
  window: { from: string; to: string },
): PlanPeriod[] {
  return periodsUntil(plan.startDate, plan.frequency, today).filter(
    (p) =>
      p.end < today &&
      p.end >= window.from &&
      p.start <= window.to &&
      !inspectionDates.some((date) => date >= p.start && date <= p.end),
  );
}
