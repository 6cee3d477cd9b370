/** Typed client for the anguan JSON API. */
export { ApiError, request } from './client';
export type { RequestOptions } from './client';
export * as authApi from './auth';
export * as membersApi from './members';
export type {
  ApiErrorBody,
  EnterpriseRef,
  Member,
  MemberRole,
  NewMember,
  ProjectRef,
  RegistrationInput,
  ResetIdentity,
  Role,
  User,
} from './types';
