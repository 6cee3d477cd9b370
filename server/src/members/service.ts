import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import { projectAccountIssues, projects, users } from '../db/schema/index.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import { audit, type AuditEvent } from '../auth/audit.js';
import { hashSecret } from '../auth/passwords.js';
import { invalidateUserSessions } from '../auth/sessions.js';
import { setPassword } from '../auth/service.js';
import { validPassword } from '../auth/inputs.js';

/** Accounts an enterprise manages: its inspectors and one account per project department. */
export const MEMBER_ROLES = ['inspector', 'project'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export interface Member {
  id: string;
  role: MemberRole;
  login: string;
  displayName: string;
  project: { id: string; name: string; filingNumber: string } | null;
  disabled: boolean;
  createdAt: string;
  /**
   * False for a project-department account the registry created whose first password the enterprise has not
   * issued yet (`issueInitialPassword`); true otherwise.
   */
  passwordIssued: boolean;
}

export interface Actor {
  userId: string;
  enterpriseId: string;
  ip: string;
}

export function listMembers(deps: AppDeps, enterpriseId: string): Member[] {
  const rows = deps.database.db
    .select({
      user: users,
      project: { id: projects.id, name: projects.name, filingNumber: projects.filingNumber },
      issue: { userId: projectAccountIssues.userId, issuedAt: projectAccountIssues.passwordIssuedAt },
    })
    .from(users)
    .leftJoin(projects, eq(users.projectId, projects.id))
    .leftJoin(projectAccountIssues, eq(projectAccountIssues.userId, users.id))
    .where(and(eq(users.enterpriseId, enterpriseId), inArray(users.role, [...MEMBER_ROLES])))
    .orderBy(asc(users.role), asc(users.createdAt))
    .all();
  return rows.map(({ user, project, issue }) => ({
    id: user.id,
    role: user.role as MemberRole,
    login: user.login,
    displayName: user.displayName,
    project: project?.id ? project : null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
    passwordIssued: !issue?.userId || issue.issuedAt !== null,
  }));
}

export async function createInspector(
  deps: AppDeps,
  actor: Actor,
  input: { name: string; phone: string; password: string },
): Promise<Member> {
  return createMember(deps, actor, {
    role: 'inspector',
    login: input.phone,
    displayName: input.name,
    password: input.password,
    projectId: null,
  });
}

/** One account per project department; the project must be one this enterprise builds. */
export async function createProjectAccount(
  deps: AppDeps,
  actor: Actor,
  input: { filingNumber: string; password: string },
): Promise<Member> {
  const { db } = deps.database;
  const project = db.select().from(projects).where(eq(projects.filingNumber, input.filingNumber)).get();
  if (!project || project.enterpriseId !== actor.enterpriseId) {
    throw new AppError(404, 'project_not_found', '未找到本企业在建的该监督备案号项目', {
      field: 'filingNumber',
    });
  }
  const member = await createMember(deps, actor, {
    role: 'project',
    login: project.filingNumber,
    displayName: `${project.name}项目部`,
    password: input.password,
    projectId: project.id,
  });
  // The new account receives the project's standing alerts on the next pass, which this brings forward.
  deps.projectsChanged?.([project.id]);
  return member;
}

async function createMember(
  deps: AppDeps,
  actor: Actor,
  input: { role: MemberRole; login: string; displayName: string; password: string; projectId: string | null },
): Promise<Member> {
  const { db } = deps.database;
  const passwordHash = await hashSecret(input.password);
  const now = deps.now();
  const id = crypto.randomUUID();
  const taken = db.select({ id: users.id }).from(users).where(eq(users.login, input.login)).get();
  if (taken) {
    throw input.role === 'inspector'
      ? conflict('login_taken', '该手机号已被其他账号使用')
      : conflict('login_taken', '该项目已有项目部账号');
  }
  db.insert(users)
    .values({
      id,
      role: input.role,
      login: input.login,
      passwordHash,
      displayName: input.displayName,
      enterpriseId: actor.enterpriseId,
      projectId: input.projectId,
      createdAt: now,
      passwordChangedAt: now,
    })
    .run();
  record(deps, actor, 'member.created', id, { role: input.role, login: input.login });
  const member = listMembers(deps, actor.enterpriseId).find((m) => m.id === id);
  if (!member) throw new Error('member vanished right after insert');
  return member;
}

export function setMemberDisabled(deps: AppDeps, actor: Actor, memberId: string, disabled: boolean): void {
  const member = findOwnMember(deps, actor, memberId);
  deps.database.db
    .update(users)
    .set({ disabledAt: disabled ? deps.now() : null })
    .where(eq(users.id, member.id))
    .run();
  if (disabled) invalidateUserSessions(deps.database.db, member.id);
  if (disabled) deps.sessionsRevoked?.({ userId: member.id });
  record(deps, actor, disabled ? 'member.disabled' : 'member.enabled', member.id);
}

export async function resetMemberPassword(deps: AppDeps, actor: Actor, memberId: string, password: string) {
  const member = findOwnMember(deps, actor, memberId);
  validPassword('password', password, member.login);
  await setPassword(deps, member.id, password);
  // A password the enterprise chose counts as issued: the one-time generated one is no longer offered.
  deps.database.db
    .update(projectAccountIssues)
    .set({ passwordIssuedAt: deps.now() })
    .where(and(eq(projectAccountIssues.userId, member.id), isNull(projectAccountIssues.passwordIssuedAt)))
    .run();
  record(deps, actor, 'member.password_reset', member.id);
}

/**
 * Issues the first password of a project-department account the registry created: generated here, returned this
 * once and never stored in plain form. Later changes go through {@link resetMemberPassword}.
 */
export async function issueInitialPassword(deps: AppDeps, actor: Actor, memberId: string): Promise<string> {
  const member = findOwnMember(deps, actor, memberId);
  const { db } = deps.database;
  const issue = db
    .select()
    .from(projectAccountIssues)
    .where(eq(projectAccountIssues.userId, member.id))
    .get();
  if (!issue || issue.passwordIssuedAt !== null) {
    throw conflict('password_already_issued', '该账号的初始密码已发放，如需更改请重置密码');
  }
  // Claim the issue first so two concurrent requests cannot both show a password.
  const claimed = db
    .update(projectAccountIssues)
    .set({ passwordIssuedAt: deps.now() })
    .where(and(eq(projectAccountIssues.userId, member.id), isNull(projectAccountIssues.passwordIssuedAt)))
    .run().changes;
  if (claimed === 0) throw conflict('password_already_issued', '该账号的初始密码已发放，如需更改请重置密码');
  const password = generatePassword();
  await setPassword(deps, member.id, password);
  record(deps, actor, 'member.password_issued', member.id);
  return password;
}

/** 12 characters from an alphabet without look-alikes (0/O, 1/l/I), always with letters and digits. */
function generatePassword(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz';
  const digits = '23456789';
  const all = letters + digits;
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = [...bytes].map((b) => all[b % all.length]!);
  chars[0] = letters[bytes[0]! % letters.length]!;
  chars[11] = digits[bytes[11]! % digits.length]!;
  return chars.join('');
}

function findOwnMember(deps: AppDeps, actor: Actor, memberId: string) {
  const member = deps.database.db.select().from(users).where(eq(users.id, memberId)).get();
  // Another enterprise's member is reported as missing, not forbidden: its existence is not ours to reveal.
  if (!member || member.enterpriseId !== actor.enterpriseId || !MEMBER_ROLES.some((r) => r === member.role)) {
    throw notFound('未找到该账号');
  }
  return member;
}

function record(
  deps: AppDeps,
  actor: Actor,
  event: AuditEvent,
  targetUserId: string,
  detail?: Record<string, unknown>,
) {
  audit(deps.database.db, {
    event,
    at: deps.now(),
    ip: actor.ip,
    actorUserId: actor.userId,
    targetUserId,
    detail,
  });
}
