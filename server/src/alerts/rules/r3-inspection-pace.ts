import { shanghaiDate } from '@anguan/standards';
import { daysBetween, yearOf } from './calendar.js';
import { r3PlanDue } from './r3-plan-due.js';
import {
  projectLink,
  type AlertDraft,
  type AutomaticFailure,
  type ProjectFacts,
  type RuleResult,
} from './types.js';

interface Window {
  readonly first: string;
  readonly last: string;
  readonly days: number;
}

/** The part of `year` the project is under construction (start date to 竣工备案), or null when none. */
export function constructionWindow(facts: ProjectFacts, year: number): Window | null {
  const { startDate, completionFilingDate } = facts.project;
  const yearFirst = `${year}-01-01`;
  const yearLast = `${year}-12-31`;
  const first = startDate && startDate > yearFirst ? startDate : yearFirst;
  const last = completionFilingDate && completionFilingDate < yearLast ? completionFilingDate : yearLast;
  if (first > last) return null;
  return { first, last, days: daysBetween(first, last) + 1 };
}

/** Enterprise inspections the project needs in `year`: its yearly number pro-rated by the construction window. */
export function requiredInYear(facts: ProjectFacts, year: number): number {
  const window = constructionWindow(facts, year);
  if (!window) return 0;
  const yearDays = daysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
  return Math.ceil((facts.project.requiredInspectionsPerYear * window.days) / yearDays);
}

const countIn = (facts: ProjectFacts, year: number) =>
  facts.enterpriseInspectionDates.filter((date) => yearOf(date) === year).length;

/**
 * R3: enterprise inspections against the required number. This year: an early warning when fewer have been done
 * than the pro-rated share of the elapsed construction window. The year just ended: still short means a recorded
 * failure (automatic 不合格), unless the project was registered only after that year (it could not be watched).
 */
export function r3InspectionPace(facts: ProjectFacts, today: string): RuleResult {
  const alerts: AlertDraft[] = [];
  const failures: AutomaticFailure[] = [];
  const warning = currentYearWarning(facts, today);
  if (warning) alerts.push(warning);
  alerts.push(...r3PlanDue(facts, today));
  const lastYear = yearOf(today) - 1;
  const required = requiredInYear(facts, lastYear);
  const registered = facts.project.registeredAt ? shanghaiDate(facts.project.registeredAt) : null;
  const watched = registered === null || registered <= `${lastYear}-12-31`;
  const done = countIn(facts, lastYear);
  if (required > 0 && watched && done < required) {
    const reason = `${lastYear}年企业检查${done}次，少于应检查的${required}次，安标考评自动判定为不合格`;
    alerts.push({
      rule: 'R3',
      subject: 'inspection-pace',
      period: String(lastYear),
      level: 'critical',
      title: `${facts.project.name}：${lastYear}年企业检查次数不足（${done}/${required}）`,
      body: `${reason}。`,
      link: projectLink(facts),
      daysLeft: null,
    });
    failures.push({ source: `R3|${lastYear}`, reason });
  }
  return { alerts, failures };
}

function currentYearWarning(facts: ProjectFacts, today: string): AlertDraft | null {
  if (facts.project.status !== 'in_construction') return null;
  const year = yearOf(today);
  const window = constructionWindow(facts, year);
  if (!window || today < window.first) return null;
  const required = requiredInYear(facts, year);
  const elapsed = Math.min(daysBetween(window.first, today) + 1, window.days);
  const due = Math.floor((required * elapsed) / window.days);
  const done = countIn(facts, year);
  if (done >= due) return null;
  const daysLeft = window.days - elapsed;
  return {
    rule: 'R3',
    subject: 'inspection-pace',
    period: String(year),
    level: 'warning',
    title: `${facts.project.name}：${year}年企业检查进度落后（已检查${done}次，按进度应至少${due}次）`,
    body:
      `本年度应完成企业检查${required}次（按在建时间折算），按时间进度至今应至少${due}次，实际${done}次。` +
      `年底前仍不足的，安标考评将自动判定为不合格；本年度在建期还剩${daysLeft}天。`,
    link: projectLink(facts),
    daysLeft,
  };
}
