import { and, eq, inArray, isNull } from 'drizzle-orm';
import { maskResidentId } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import { enterprises, passwordResetTokens, projects, users } from '../db/schema/index.js';
import { AppError, conflict } from '../http/errors.js';
import { audit } from './audit.js';
import {
  addressThrottledUntil,
  clearFailures,
  lockedUntil,
  recordAddressFailure,
  recordFailure,
  remainingAttempts,
} from './lockout.js';
import { isKnownDevice, rememberDevice } from './devices.js';
import { validPassword } from './inputs.js';
import { hashSecret, verifyAgainstDummy, verifySecret } from './passwords.js';
import { createSession, invalidateUserSessions, type SessionUser } from './sessions.js';
import { generateToken, tokenId } from './tokens.js';

/** Reset tokens are single-use and live 15 minutes. */
export const RESET_TOKEN_TTL_MS = 15 * 60 * 1000;

export interface RegistrationInput {
  creditCode: string;
  name: string;
  password: string;
  contactName: string;
  contactIdNumber: string;
  contactPhone: string;
}

export interface RequestMeta {
  ip: string;
}

export interface LoginMeta extends RequestMeta {
  /** The `anguan_device` cookie, if the browser has one. */
  deviceToken?: string;
}

const INVALID_CREDENTIALS = () => new AppError(401, 'invalid_credentials', '账号或密码错误');
const RESET_MISMATCH = () =>
  new AppError(400, 'reset_mismatch', '统一社会信用代码、联系人身份证号或手机号不匹配');

/** Registers an enterprise and its 安全总监 account, and links every project it builds (by credit code). */
export async function registerEnterprise(deps: AppDeps, input: RegistrationInput, meta: RequestMeta) {
  const { db, sqlite } = deps.database;
  const now = deps.now();
  const [passwordHash, contactIdHash] = await Promise.all([
    hashSecret(input.password),
    hashSecret(input.contactIdNumber),
  ]);
  const enterpriseId = crypto.randomUUID();
  const userId = crypto.randomUUID();
  const linkedIds = sqlite.transaction(() => {
    const taken = db.select({ id: users.id }).from(users).where(eq(users.login, input.creditCode)).get();
    if (taken) throw conflict('credit_code_taken', '该统一社会信用代码已注册，请直接登录或找回密码');
    db.insert(enterprises)
      .values({
        id: enterpriseId,
        creditCode: input.creditCode,
        name: input.name,
        contactName: input.contactName,
        contactIdHash,
        contactIdMasked: maskResidentId(input.contactIdNumber),
        contactPhone: input.contactPhone,
        createdAt: now,
      })
      .run();
    db.insert(users)
      .values({
        id: userId,
        role: 'enterprise',
        login: input.creditCode,
        passwordHash,
        displayName: input.name,
        enterpriseId,
        createdAt: now,
        passwordChangedAt: now,
      })
      .run();
    const linked = db
      .update(projects)
      .set({ enterpriseId })
      .where(and(eq(projects.constructorCreditCode, input.creditCode), isNull(projects.enterpriseId)))
      .returning({ id: projects.id })
      .all();
    // Their project-department accounts (created by the registry) now belong to this enterprise too.
    if (linked.length > 0) {
      db.update(users)
        .set({ enterpriseId })
        .where(
          and(
            eq(users.role, 'project'),
            isNull(users.enterpriseId),
            inArray(
              users.projectId,
              linked.map((p) => p.id),
            ),
          ),
        )
        .run();
    }
    return linked.map((p) => p.id);
  })();
  const linkedProjects = linkedIds.length;
  // The new director receives the linked projects' standing alerts.
  if (linkedIds.length > 0) deps.projectsChanged?.(linkedIds);
  audit(db, {
    event: 'enterprise.registered',
    at: now,
    ip: meta.ip,
    actorUserId: userId,
    detail: { creditCode: input.creditCode, linkedProjects },
  });
  return { enterpriseId, userId, linkedProjects };
}

/**
 * Checks a password; on success returns a new session token and the device token for the `anguan_device` cookie.
 *
 * Guessing is slowed three ways without handing the owner's account to whoever guesses (issue 12 item 8): a
 * progressive per-login lock, a per-address throttle, and a way through both for the right password from a
 * device that has signed in to this account before. Attempts while locked are audited. Unknown logins get the
 * same answers as real ones.
 */
export async function login(deps: AppDeps, loginName: string, password: string, meta: LoginMeta) {
  const { db } = deps.database;
  const now = deps.now();
  const user = db.select().from(users).where(eq(users.login, loginName)).get();
  const knownDevice = !!user && isKnownDevice(db, user.id, meta.deviceToken);
  const addressUntil = addressThrottledUntil(db, meta.ip, now);
  if (addressUntil && !knownDevice) throw throttledError(addressUntil, now);
  const locked = lockedUntil(db, loginName, now);
  if (locked && !(knownDevice && user && (await verifySecret(user.passwordHash, password)))) {
    audit(db, {
      event: 'login.locked_attempt',
      at: now,
      ip: meta.ip,
      actorLogin: loginName,
      actorUserId: user?.id,
    });
    recordAddressAttempt(deps, meta.ip, now);
    throw lockedError(locked);
  }
  if (!locked) {
    const passwordOk = user
      ? await verifySecret(user.passwordHash, password)
      : await verifyAgainstDummy(password);
    if (!user || !passwordOk) failLogin(deps, loginName, user?.id, meta.ip, now);
  }
  if (!user) throw INVALID_CREDENTIALS(); // narrowing only: both branches above refused an unknown login
  if (user.disabledAt) throw new AppError(403, 'account_disabled', '该账号已被停用，请联系企业管理员');
  // The owner getting through a lock leaves it in place for everyone else.
  if (!locked) clearFailures(db, loginName);
  const deviceToken = rememberDevice(db, user.id, meta.deviceToken, now);
  const session = createSession(db, user.id, now, deps.config.limits);
  audit(db, {
    event: 'login.succeeded',
    at: now,
    ip: meta.ip,
    actorUserId: user.id,
    detail: { knownDevice },
  });
  return { user, ...session, deviceToken };
}

function failLogin(
  deps: AppDeps,
  loginName: string,
  userId: string | undefined,
  ip: string,
  now: Date,
): never {
  const { db } = deps.database;
  const lockedNow = recordFailure(db, loginName, now);
  recordAddressAttempt(deps, ip, now);
  audit(db, { event: 'login.failed', at: now, ip, actorLogin: loginName, actorUserId: userId });
  if (lockedNow) {
    audit(db, { event: 'login.locked', at: now, ip, actorLogin: loginName, actorUserId: userId });
    throw lockedError(lockedNow);
  }
  const remaining = remainingAttempts(db, loginName, now);
  throw new AppError(401, 'invalid_credentials', `账号或密码错误，再失败 ${remaining} 次将锁定账号`, {
    remainingAttempts: remaining,
  });
}

function recordAddressAttempt(deps: AppDeps, ip: string, now: Date): void {
  if (recordAddressFailure(deps.database.db, ip, now)) {
    audit(deps.database.db, { event: 'login.throttled', at: now, ip });
  }
}

function throttledError(until: Date, now: Date): AppError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    429,
    'too_many_attempts',
    `该网络的登录尝试过于频繁，请 ${Math.ceil(retryAfter / 60)} 分钟后重试`,
    {
      retryAfter,
    },
  );
}

function lockedError(until: Date): AppError {
  const time = until.toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
  });
  return new AppError(423, 'locked', `连续登录失败次数过多，账号已锁定，请于 ${time} 后重试`, {
    unlockAt: until.toISOString(),
  });
}

/** Sets a new password and ends every session of that user (issue 2). */
export async function setPassword(deps: AppDeps, userId: string, newPassword: string): Promise<void> {
  const { db } = deps.database;
  const passwordHash = await hashSecret(newPassword);
  db.update(users).set({ passwordHash, passwordChangedAt: deps.now() }).where(eq(users.id, userId)).run();
  invalidateUserSessions(db, userId);
  deps.sessionsRevoked?.({ userId });
}

/** Changes the signed-in user's own password; every session ends, and this device gets a fresh one. */
export async function changeOwnPassword(
  deps: AppDeps,
  user: SessionUser,
  currentPassword: string,
  newPassword: string,
  meta: RequestMeta,
) {
  if (!(await verifySecret(user.passwordHash, currentPassword))) {
    throw new AppError(400, 'wrong_password', '当前密码不正确', { field: 'currentPassword' });
  }
  await setPassword(deps, user.id, newPassword);
  const now = deps.now();
  clearFailures(deps.database.db, user.login);
  audit(deps.database.db, { event: 'password.changed', at: now, ip: meta.ip, actorUserId: user.id });
  return createSession(deps.database.db, user.id, now, deps.config.limits);
}

/**
 * Step 1 of 找回密码: the enterprise proves its contact's 身份证号 and 手机号. Mismatches count towards the same
 * lockout as logins, and unknown codes get the same answer as wrong details.
 */
export async function verifyResetIdentity(
  deps: AppDeps,
  input: { creditCode: string; contactIdNumber: string; contactPhone: string },
  meta: RequestMeta,
): Promise<{ resetToken: string; expiresAt: Date }> {
  const { db } = deps.database;
  const now = deps.now();
  const throttleKey = `reset:${input.creditCode}`;
  const locked = lockedUntil(db, throttleKey, now);
  if (locked) throw lockedError(locked);
  const row = db
    .select({ enterprise: enterprises, userId: users.id })
    .from(enterprises)
    .innerJoin(users, and(eq(users.enterpriseId, enterprises.id), eq(users.role, 'enterprise')))
    .where(eq(enterprises.creditCode, input.creditCode))
    .get();
  const idOk = row
    ? await verifySecret(row.enterprise.contactIdHash, input.contactIdNumber)
    : await verifyAgainstDummy(input.contactIdNumber);
  if (!row || !idOk || row.enterprise.contactPhone !== input.contactPhone) {
    const lockedNow = recordFailure(db, throttleKey, now);
    audit(db, { event: 'password.reset_failed', at: now, ip: meta.ip, actorLogin: input.creditCode });
    if (lockedNow) throw lockedError(lockedNow);
    throw RESET_MISMATCH();
  }
  clearFailures(db, throttleKey);
  const resetToken = generateToken();
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
  db.insert(passwordResetTokens)
    .values({ id: tokenId(resetToken), userId: row.userId, expiresAt })
    .run();
  audit(db, { event: 'password.reset_requested', at: now, ip: meta.ip, actorUserId: row.userId });
  return { resetToken, expiresAt };
}

/** Step 2 of 找回密码: a valid, unused, unexpired token sets the new password once. */
export async function completeReset(
  deps: AppDeps,
  resetToken: string,
  newPassword: string,
  meta: RequestMeta,
) {
  const { db } = deps.database;
  const now = deps.now();
  const id = tokenId(resetToken);
  const row = db.select().from(passwordResetTokens).where(eq(passwordResetTokens.id, id)).get();
  if (!row || row.usedAt || row.expiresAt.getTime() <= now.getTime()) {
    throw new AppError(400, 'reset_token_invalid', '重置链接已失效，请重新验证身份');
  }
  const user = db.select({ login: users.login }).from(users).where(eq(users.id, row.userId)).get();
  validPassword('newPassword', newPassword, user?.login);
  // Mark used before the slow hash so a second concurrent request with the same token fails.
  db.update(passwordResetTokens).set({ usedAt: now }).where(eq(passwordResetTokens.id, id)).run();
  await setPassword(deps, row.userId, newPassword);
  if (user) clearFailures(db, user.login);
  audit(db, { event: 'password.reset', at: now, ip: meta.ip, actorUserId: row.userId });
}
