/** Typed client for the anguan JSON API. */
export { ApiError, postFile, request } from './client';
export type { RequestOptions } from './client';
export type { AuditEvent, AuditFilters, AuditPage } from './audit';
export * as alertsApi from './alerts';
export * as auditApi from './audit';
export * as authApi from './auth';
export * as membersApi from './members';
export * as projectsApi from './projects';
export * as registryApi from './registry';
export * as terminationsApi from './terminations';
export { withQuery } from './query';
export type {
  ApiErrorBody,
  EnterpriseRef,
  Member,
  MemberRole,
  NewMember,
  Page,
  Project,
  ProjectDetail,
  ProjectListItem,
  RegionRef,
  ProjectStatus,
  ProjectRef,
  RegistrationInput,
  ResetIdentity,
  Role,
  User,
} from './types';
export type * from './overview-types';
export type { ImportRowError, ProjectInput, RegionOption } from './registry';
