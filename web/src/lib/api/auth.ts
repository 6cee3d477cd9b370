/** `/api/auth`: register, log in and out, who am I, passwords. */
import { request, type RequestOptions } from './client';
import type { RegistrationInput, ResetIdentity, User } from './types';

export const register = (input: RegistrationInput) =>
  request<{ linkedProjects: number }>('POST', '/auth/register', input);

export const login = (login: string, password: string) =>
  request<{ user: User }>('POST', '/auth/login', { login, password });

export const logout = () => request<void>('POST', '/auth/logout');

/** The session's limits, as `GET /api/auth/me` states them (older servers send none). */
export interface SessionInfo {
  /** A session unused this long is ended by the server; 0 or absent: no idle logout. */
  idleTimeoutMs: number;
  expiresAt: string;
  absoluteExpiresAt: string;
}

export const me = (options?: RequestOptions) =>
  request<{ user: User; session?: SessionInfo }>('GET', '/auth/me', undefined, options);

export const changePassword = (currentPassword: string, newPassword: string) =>
  request<void>('POST', '/auth/password', { currentPassword, newPassword });

export const verifyReset = (identity: ResetIdentity) =>
  request<{ resetToken: string; expiresAt: string }>('POST', '/auth/reset/verify', identity);

export const completeReset = (resetToken: string, newPassword: string) =>
  request<void>('POST', '/auth/reset/complete', { resetToken, newPassword });
