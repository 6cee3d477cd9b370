/**
 * `/api/terminations` (终止监督 / 安标考评) and `/api/inspection-plans` (recurring enterprise inspection plans).
 * Shapes mirror server/src/terminations/views.ts, figures.ts and server/src/inspection-plans/service.ts.
 *
 * @module
 */
import { request } from './client';

export type TerminationStatus = 'none' | 'submitted' | 'returned' | 'graded';
export type EvaluationGrade = '优良' | '合格' | '不合格';
export const EVALUATION_GRADES: readonly EvaluationGrade[] = ['优良', '合格', '不合格'];

export interface TerminationFile {
  sha256: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface Revocation {
  evaluationId: string;
  source: string | null;
  reason: string;
}

export interface Termination {
  projectId: string;
  filingNumber: string;
  projectName: string;
  projectStatus: 'in_construction' | 'completed' | 'terminated';
  completionFilingDate: string | null;
  daysSinceCompletion: number | null;
  status: TerminationStatus;
  statusLabel: string;
  applicationDate: string | null;
  note: string;
  files: TerminationFile[];
  round: number;
  submittedAt: string | null;
  submittedBy: string | null;
  returnReason: string | null;
  returnedAt: string | null;
  grade: EvaluationGrade | null;
  gradeReason: string | null;
  revocations: Revocation[];
  gradedAt: string | null;
  gradedBy: string | null;
  maySubmit: boolean;
  mayReview: boolean;
}

export interface AutomaticFailure {
  id: string;
  source: string | null;
  reason: string;
  decidedAt: string;
  revokedAt: string | null;
}

export interface GradeFigures {
  enterpriseInspections: Array<{ year: number; done: number; required: number }>;
  monthlyEvaluations: { expected: number; done: number; missing: string[] };
  spotChecks: Array<{
    inspectionId: string;
    date: string;
    method: string;
    total: string | null;
    grade: string | null;
  }>;
  rectifications: {
    total: number;
    open: number;
    overdue: Array<{ inspectionId: string; deadline: string; state: string; origin: string }>;
  };
  automaticFailures: AutomaticFailure[];
}

export interface TerminationList {
  items: Termination[];
  total: number;
  page: number;
  pageSize: number;
}

const base = (project: string) => `/terminations/${encodeURIComponent(project)}`;

/** Where a submitted material can be opened (readers of the project). */
export const fileUrl = (project: string, sha256: string) => `/api${base(project)}/files/${sha256}`;

export const submit = (
  project: string,
  body: { applicationDate: string; note: string; files: Array<{ sha256: string; name: string }> },
) => request<{ termination: Termination }>('POST', `${base(project)}/submission`, body);

export const sendBack = (project: string, reason: string) =>
  request<{ termination: Termination }>('POST', `${base(project)}/return`, { reason });

export const grade = (
  project: string,
  body: {
    grade: EvaluationGrade;
    reason: string;
    revocations: Array<{ evaluationId: string; reason: string }>;
  },
) => request<{ termination: Termination }>('POST', `${base(project)}/grade`, body);

export const terminationPath = base;
export const reviewPath = (project: string) => `${base(project)}/review`;
export const listPath = (status: TerminationStatus, page: number) =>
  `/terminations?status=${status}&page=${page}&pageSize=20`;

export type PlanFrequency = 'monthly' | 'bimonthly' | 'quarterly' | 'half_yearly';
export const PLAN_FREQUENCY_LABELS: Record<PlanFrequency, string> = {
  monthly: '每月',
  bimonthly: '每两个月',
  quarterly: '每季度',
  half_yearly: '每半年',
};

export interface InspectionPlan {
  id: string;
  projectId: string;
  inspectorUserId: string | null;
  inspectorName: string;
  frequency: PlanFrequency;
  frequencyLabel: string;
  startDate: string;
  nextDue: string;
  missed: Array<{ start: string; end: string }>;
  createdAt: string;
}

export interface PlanList {
  plans: InspectionPlan[];
  editable: boolean;
  inspectors: Array<{ id: string; name: string; login: string }>;
}

export const plansPath = (project: string) => `/inspection-plans?project=${encodeURIComponent(project)}`;

export const createPlan = (body: {
  projectId: string;
  inspectorUserId: string | null;
  inspectorName: string;
  frequency: PlanFrequency;
  startDate: string;
}) => request<{ plan: InspectionPlan }>('POST', '/inspection-plans', body);

export const deletePlan = (id: string) =>
  request<{ ok: true }>('POST', `/inspection-plans/${encodeURIComponent(id)}/delete`);
