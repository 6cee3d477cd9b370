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
