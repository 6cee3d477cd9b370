/**
 * The enterprise-inspection pace of one project this year (DESIGN workflow 5: at least the required number a
 * year), pro-rated by the part of the year under construction as alert rule R3 does.
 *
 * @module
 */

const DAY = 86_400_000;
const dayNumber = (date: string) =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;

export interface PaceInput {
  startDate: string | null;
  completionFilingDate: string | null;
  required: number;
}

export type PaceState = 'met' | 'on_pace' | 'behind';

export interface Pace {
  required: number;
  expected: number;
  done: number;
  state: PaceState;
}

/**
 * The pace rule for one `today`, its year's bounds worked out once: a province's statistics judge some ten thousand
 * projects per request.
 *
 * `required`: this year's number pro-rated by the construction window (R3's rule); `expected`: the part of it due
 * by `today` (rounded down, so a project is never behind before a whole inspection is due).
 */
export function paceOn(today: string): (project: PaceInput, done: number) => Pace {
  const year = today.slice(0, 4);
  const yearFirst = `${year}-01-01`;
  const yearLast = `${year}-12-31`;
  const firstDay = dayNumber(yearFirst);
  const lastDay = dayNumber(yearLast);
  const todayDay = dayNumber(today);
  const yearDays = lastDay - firstDay + 1;
  return (project, done) => {
    const first =
      project.startDate && project.startDate > yearFirst ? dayNumber(project.startDate) : firstDay;
    const last =
      project.completionFilingDate && project.completionFilingDate < yearLast
        ? dayNumber(project.completionFilingDate)
        : lastDay;
    if (first > last) return { required: 0, expected: 0, done, state: 'met' };
    const windowDays = last - first + 1;
    const required = Math.ceil((project.required * windowDays) / yearDays);
    const elapsed = Math.max(0, Math.min(windowDays, todayDay - first + 1));
    const expected = Math.floor((required * elapsed) / windowDays);
    const state: PaceState = done >= required ? 'met' : done >= expected ? 'on_pace' : 'behind';
    return { required, expected, done, state };
  };
}

/** {@link paceOn} for a single project. */
export function paceOf(project: PaceInput, done: number, today: string): Pace {
  return paceOn(today)(project, done);
}
