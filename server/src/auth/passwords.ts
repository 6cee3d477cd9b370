import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (m=19 MiB, t=2, p=1), about 50 ms a hash on the target machine.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** argon2id PHC string for a password or any other secret we must only ever compare. */
export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2_OPTIONS);
}

export function verifySecret(phc: string, secret: string): Promise<boolean> {
  return verify(phc, secret);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so an unknown login cannot be told from a wrong password by
 * timing (DESIGN: "same answer whether the login exists or not").
 */
export async function verifyAgainstDummy(secret: string): Promise<false> {
  dummyHash ??= hashSecret('anguan-dummy-password-0');
  await verify(await dummyHash, secret);
  return false;
}
