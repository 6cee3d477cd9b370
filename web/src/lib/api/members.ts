/** `/api/members`: the enterprise account manages inspectors and project-department accounts. */
import { request, type RequestOptions } from './client';
import type { Member, NewMember } from './types';

export const listMembers = (options?: RequestOptions) =>
  request<{ members: Member[] }>('GET', '/members', undefined, options);

export const createMember = (input: NewMember) => request<{ member: Member }>('POST', '/members', input);

export const setMemberDisabled = (id: string, disabled: boolean) =>
  request<void>('POST', `/members/${encodeURIComponent(id)}/${disabled ? 'disable' : 'enable'}`);

export const resetMemberPassword = (id: string, password: string) =>
  request<void>('POST', `/members/${encodeURIComponent(id)}/password`, { password });
