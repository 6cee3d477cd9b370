/**
 * Shapes of the project overview, 标准化月评统计 and 超危大工程清单 endpoints (/work/notes/projects-api.md).
 *
 * @module
 */
import type { ProjectDetail } from './types';

export type InspectionOriginCode = 'self' | 'monthly' | 'enterprise' | 'spot';
export type InspectionMethodCode = 'terms' | 'internal' | 'jgj59' | 'dust';

export interface TimelineEntry {
  id: string;
  origin: InspectionOriginCode;
  method: InspectionMethodCode;
  date: string;
  status: 'draft' | 'completed';
  total: string | null;
  grade: string | null;
  selfScore: string | null;
  rectificationRequired: boolean;
  rectificationDeadline: string | null;
  sealedAt: string | null;
}

export type WorkStepKey = 'plan' | 'expertReview' | 'briefing' | 'acceptance' | 'implementation';

export interface WorkStepView {
  date: string | null;
  note: string;
  conclusion: string | null;
  files: string[];
  /** Absent in answers cached before the field existed. */
  people?: string;
}

export interface WorkGap {
  code: string;
  step: string;
  /** zh-CN. */
  message: string;
}

export interface DangerousWorkView {
  projectId: string;
  filingNumber: string;
  projectName: string;
  workId: string;
  name: string;
  category: string;
  categoryName: string | null;
  /** 建办质〔2018〕31号 附件2 item; these three are absent in answers cached before they existed. */
  item?: { id: string; text: string } | null;
  parameters?: Record<string, { value: number; unit: string }>;
  /** `reaches`: 超过一定规模; `below`: 属一般危大工程; `by_kind`: 附件2 by its kind; null: no item chosen. */
  scale?: 'reaches' | 'below' | 'incomplete' | 'by_kind' | null;
  steps: Record<WorkStepKey, WorkStepView | null>;
  gaps: WorkGap[];
}

export interface EquipmentView {
  equipmentId: string;
  type: 'tower_crane' | 'hoist' | 'other';
  name: string;
  registrationNumber: string;
  lastInspectionDate: string | null;
  nextInspectionDate: string | null;
  /** These three are absent in answers cached before they existed. */
  installationDate?: string | null;
  inspectionOverdue?: boolean;
  operators?: Array<{ name: string; certificateNumber: string; validUntil: string | null; expired: boolean }>;
}

export interface MonthlyEvaluationRef {
  /** YYYY-MM. */
  month: string;
  inspectionId: string;
  date: string;
  selfScore: string | null;
  sealedAt: string | null;
}

export interface TerminationState {
  status: 'none' | 'terminated';
  completionFilingDate: string | null;
  daysSinceCompletion: number | null;
  overdue: boolean;
}

export interface ProjectOverview {
  project: ProjectDetail;
  timeline: TimelineEntry[];
  dangerousWorks: DangerousWorkView[];
  equipment: EquipmentView[];
  /** Absent in answers cached before it existed. */
  equipmentAlerts?: { expiredCertificates: number; overdueInspections: number };
  monthlyEvaluations: MonthlyEvaluationRef[];
  termination: TerminationState;
}

export interface EvaluationFile {
  sha256: string;
  mediaType: string | null;
  size: number | null;
}

export interface MonthlyEvaluationView {
  inspectionId: string;
  date: string;
  selfScore: string | null;
  sealedAt: string | null;
  files: EvaluationFile[];
  history: number;
  rectificationOrder: null | { requirement: string; deadline: string; orderedAt: string; docName: string };
}

export interface MonthlyStatsPage {
  year: number;
  month: number;
  status: 'pending' | 'done';
  total: number;
  page: number;
  pageSize: number;
  items: Array<{ project: ProjectDetail; evaluation: MonthlyEvaluationView | null }>;
}

export interface DangerousWorksPage {
  total: number;
  page: number;
  pageSize: number;
  works: DangerousWorkView[];
}
