/** Typed client for the anguan JSON API. */
export { ApiError, request } from './client';
export type { RequestOptions } from './client';
export type { AuditEvent, AuditFilters, AuditPage } from './audit';
export * as auditApi from './audit';
export * as authApi from './auth';
export * as membersApi from './members';
export * as projectsApi from './projects';
export type {
  ApiErrorBody,
  EnterpriseRef,
  Member,
  MemberRole,
  NewMember,
  Project,
  ProjectStatus,
  ProjectRef,
  RegistrationInput,
  ResetIdentity,
  Role,
  User,
} from './types';
