import type { WorkSteps } from '@anguan/standards';
import type { PlanFrequency } from '../../inspection-plans/periods.js';

/** What the rules read about one project; loaded by `../facts.ts`, so the rules stay pure. */
export interface ProjectFacts {
  readonly project: {
    readonly id: string;
    readonly filingNumber: string;
    readonly name: string;
    readonly status: 'in_construction' | 'completed' | 'terminated';
    readonly startDate: string | null;
    readonly expectedCompletionDate: string | null;
    readonly completionFilingDate: string | null;
    readonly requiredInspectionsPerYear: number;
    readonly registeredAt: Date | null;
  };
  /** Dates of sealed, live enterprise-origin inspections of this and last year. */
  readonly enterpriseInspectionDates: readonly string[];
  /** `YYYY-MM` months with a sealed, live 标准化月评 (this and last month). */
  readonly monthlyEvaluationMonths: ReadonlySet<string>;
  /** Rectifications waiting for the project department (待整改 or 已退回). */
  readonly openRectifications: ReadonlyArray<{ inspectionId: string; deadline: string; state: string }>;
  readonly dangerousWorks: ReadonlyArray<{ workId: string; name: string; steps: WorkSteps }>;
  /** The enterprise's recurring inspection plans for the project (R3 checks their due dates). */
  readonly inspectionPlans?: ReadonlyArray<{
    id: string;
    inspectorName: string;
    frequency: PlanFrequency;
    startDate: string;
  }>;
}

export type AlertRule = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6';
export type AlertLevel = 'warning' | 'critical';

/** An alert a rule wants to be open today; the engine keys it by rule + project + subject + period. */
export interface AlertDraft {
  readonly rule: AlertRule;
  readonly subject: string;
  readonly period: string;
  readonly level: AlertLevel;
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly daysLeft: number | null;
}

/** An automatic 不合格 the rule decides; `source` keys it so it is recorded once. */
export interface AutomaticFailure {
  readonly source: string;
  readonly reason: string;
}

export interface RuleResult {
  readonly alerts: readonly AlertDraft[];
  readonly failures: readonly AutomaticFailure[];
}

export const NOTHING: RuleResult = Object.freeze({ alerts: [], failures: [] });

export const projectLink = (facts: ProjectFacts) => `/projects/${facts.project.filingNumber}`;
