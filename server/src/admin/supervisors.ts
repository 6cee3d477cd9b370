import { eq } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import type { AppDeps } from '../deps.js';
import { regions, users } from '../db/schema/index.js';
import { audit } from '../audit/log.js';
import { hashSecret } from '../auth/passwords.js';
import { validPassword } from '../auth/inputs.js';

export class AdminError extends Error {
  override readonly name = 'AdminError';
}

export interface SupervisorInput {
  login: string;
  name: string;
  regionCode: string;
  /** When absent, one is generated and returned. */
  password?: string;
}

/**
 * `pnpm admin supervisor add`: a 监督站 account for a region (there is no sign-up for supervisors). The password
 * follows the same policy as everyone's; a generated one is returned so the operator can hand it over.
 */
export async function addSupervisor(
  deps: AppDeps,
  input: SupervisorInput,
): Promise<{ userId: string; password: string; generated: boolean }> {
  const { db } = deps.database;
  const login = input.login.trim();
  const name = input.name.trim();
  if (!/^[\w.@-]{3,64}$/.test(login)) throw new AdminError('login must be 3-64 letters, digits, . _ @ or -');
  if (name === '' || name.length > 50) throw new AdminError('name must be 1-50 characters');
  if (!/^\d{6}$/.test(input.regionCode)) throw new AdminError('region must be a 6-digit 行政区划码');
  const region = await db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (region.length === 0) throw new AdminError(`unknown region ${input.regionCode}`);
  const taken = await db.select({ id: users.id }).from(users).where(eq(users.login, login));
  if (taken.length > 0) throw new AdminError(`login "${login}" is already taken`);
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  try {
    validPassword('password', password, login);
  } catch (error) {
    throw new AdminError(`password refused: ${(error as Error).message}`);
  }
  const now = deps.now();
  const userId = crypto.randomUUID();
  await db.insert(users).values({
    id: userId,
    role: 'supervisor',
    login,
    passwordHash: await hashSecret(password),
    displayName: name,
    regionCode: input.regionCode,
    createdAt: now,
    passwordChangedAt: now,
  });
  audit(db, {
    event: 'supervisor.created',
    at: now,
    ip: 'admin-cli',
    targetUserId: userId,
    detail: { login, regionCode: input.regionCode },
  });
  return { userId, password, generated };
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 16 characters from an unambiguous alphabet (~92 bits), always with a letter and a digit. */
export function generatePassword(): string {
  for (;;) {
    const password = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/[A-Za-z]/.test(password) && /\d/.test(password)) return password;
  }
}
