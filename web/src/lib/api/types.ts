/**
 * Shapes of the JSON API (server/src/auth/routes.ts, server/src/members/routes.ts). Hand-written rather than
 * imported: `web` never depends on `server` (STYLE.md rule 1).
 *
 * @module
 */

/** Account roles (DESIGN.md "Roles"). */
export type Role = 'enterprise' | 'inspector' | 'project' | 'supervisor';

export interface EnterpriseRef {
  id: string;
  name: string;
  creditCode: string;
}

export interface ProjectRef {
  id: string;
  name: string;
  filingNumber: string;
}

/** The signed-in user as `GET /api/auth/me` returns it. */
export interface User {
  id: string;
  role: Role;
  login: string;
  displayName: string;
  enterprise: EnterpriseRef | null;
  project: ProjectRef | null;
  regionCode: string | null;
}

/** Roles an enterprise account manages. */
export type MemberRole = 'inspector' | 'project';

/** An inspector or project-department account of the signed-in enterprise. */
export interface Member {
  id: string;
  role: MemberRole;
  login: string;
  displayName: string;
  project: ProjectRef | null;
  disabled: boolean;
  /** ISO 8601 instant. */
  createdAt: string;
}

export interface RegistrationInput {
  creditCode: string;
  name: string;
  password: string;
  contactName: string;
  contactIdNumber: string;
  contactPhone: string;
}

export interface ResetIdentity {
  creditCode: string;
  contactIdNumber: string;
  contactPhone: string;
}

export type NewMember =
  | { role: 'inspector'; name: string; phone: string; password: string }
  | { role: 'project'; filingNumber: string; password: string };

/** The error body every failing API call returns. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; unlockAt?: string };
}

/** Supervision state of a project. */
export type ProjectStatus = 'in_construction' | 'completed' | 'terminated';

/** A project as `GET /api/projects` returns it (server/src/projects/routes.ts `ProjectView`). */
export interface Project {
  id: string;
  filingNumber: string;
  name: string;
  address: string | null;
  region: { code: string; name: string } | null;
  constructor: { creditCode: string; name: string };
  status: ProjectStatus;
  /** YYYY-MM-DD, Asia/Shanghai. */
  startDate: string | null;
  /** YYYY-MM-DD, Asia/Shanghai. */
  expectedCompletionDate: string | null;
}

/** A region as the registry lists it; `code` is the district (or city) 行政区划码. */
export interface RegionRef {
  code: string;
  name: string;
}

/** Full project as the projects/registry API returns it (/work/notes/projects-api.md `ProjectView`). */
export interface ProjectDetail extends Project {
  region: (RegionRef & { city: RegionRef | null }) | null;
  builderName: string | null;
  supervisionFirmName: string | null;
  projectManager: string | null;
  /** m². */
  area: number | null;
  /** 万元. */
  contractAmount: number | null;
  structure: string | null;
  completionFilingDate: string | null;
  special: boolean;
  requiredInspectionsPerYear: number;
  linked: boolean;
}

/** A 项目信息 row. */
export interface ProjectListItem extends ProjectDetail {
  enterpriseInspections: { thisYear: number; required: number };
  /** Null until the rectification rows exist (another issue): shown as "—", never as 0. */
  openRectifications: number | null;
  monthlyEvaluation: { inspectionId: string; date: string; selfScore: string | null } | null;
  superDangerousWorkCount: number;
  /** Expired operator certificates and overdue equipment inspections; absent in answers cached before it existed. */
  equipmentAlerts?: { expiredCertificates: number; overdueInspections: number };
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}
