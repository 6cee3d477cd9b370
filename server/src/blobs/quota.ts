import { and, eq, gt, sum } from 'drizzle-orm';
import type { AppDeps } from '../deps.js';
import { blobUploads, blobs } from '../db/schema/index.js';
import { AppError } from '../http/errors.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Bytes of the distinct blobs `userId` uploaded in the rolling day before `now`. */
export async function bytesUploadedToday(deps: AppDeps, userId: string): Promise<number> {
  const since = new Date(deps.now().getTime() - DAY_MS);
  const [row] = await deps.database.db
    .select({ total: sum(blobs.size) })
    .from(blobUploads)
    .innerJoin(blobs, eq(blobs.sha256, blobUploads.sha256))
    .where(and(eq(blobUploads.userId, userId), gt(blobUploads.at, since)));
  return Number(row?.total ?? 0);
}

/**
 * Refuses (429) an upload that would take the user past `UPLOAD_MB_PER_DAY` in a rolling day (issue 12 item 9).
 * Re-sending bytes already counted today is free: retries of the outbox must not use the quota up.
 */
export async function checkUploadQuota(deps: AppDeps, userId: string, sha256: string, size: number) {
  const limit = deps.config.limits.uploadBytesPerDay;
  const since = new Date(deps.now().getTime() - DAY_MS);
  const [counted] = await deps.database.db
    .select({ at: blobUploads.at })
    .from(blobUploads)
    .where(and(eq(blobUploads.sha256, sha256), eq(blobUploads.userId, userId), gt(blobUploads.at, since)));
  if (counted) return;
  const used = await bytesUploadedToday(deps, userId);
  if (used + size > limit) throw uploadQuotaExceeded(limit);
}

export function uploadQuotaExceeded(limit: number): AppError {
  const mb = Math.round(limit / (1024 * 1024));
  return new AppError(
    429,
    'upload_quota_exceeded',
    `今日上传的文件已超过 ${mb} MB 的上限，请明天再试或联系管理员`,
    {
      retryAfter: 3600,
    },
  );
}
