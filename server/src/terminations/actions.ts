import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import {
  blobRefs,
  blobs,
  blobUploads,
  EVALUATION_GRADE_VALUES,
  projectEvaluations,
  projects,
  projectTerminations,
} from '../db/schema/index.js';
import { evaluateProjectAlerts } from '../alerts/index.js';
import { AppError, conflict, forbidden } from '../http/errors.js';
import type { ProjectRow } from '../projects/queries.js';
import { readableProjectOr404, terminationRow, viewOf } from './service.js';
import { maySubmit, type Revocation, type TerminationFile } from './views.js';
import type { GradeInput, SubmissionInput } from './input.js';

/** Blob references of a submission live under this name, so the unreferenced-blob sweep keeps the materials. */
export const terminationRefName = (projectId: string) => `termination:${projectId}`;

/** The submitter must have uploaded every file itself: knowing a hash is not enough to attach someone's bytes. */
async function uploadedFiles(
  deps: AppDeps,
  user: SessionUser,
  input: SubmissionInput,
): Promise<TerminationFile[]> {
  const hashes = input.files.map((f) => f.sha256);
  const rows = await deps.database.db
    .select({ sha256: blobs.sha256, mediaType: blobs.mediaType, size: blobs.size })
    .from(blobs)
    .innerJoin(blobUploads, and(eq(blobUploads.sha256, blobs.sha256), eq(blobUploads.userId, user.id)))
    .where(inArray(blobs.sha256, hashes));
  const found = new Map(rows.map((r) => [r.sha256, r]));
  const missing = input.files.filter((f) => !found.has(f.sha256));
  if (missing.length > 0) {
    throw new AppError(
      422,
      'files_not_uploaded',
      `有${missing.length}个材料文件尚未上传完成，请联网后稍候再提交`,
      {
        missing: missing.map((f) => f.name),
      },
    );
  }
  return input.files.map((f) => ({
    ...f,
    mediaType: found.get(f.sha256)!.mediaType,
    size: found.get(f.sha256)!.size,
  }));
}

/** 项目部 submits (or, after 退回, resubmits) 终止监督 with its 安标考评 materials. */
export async function submitTermination(
  deps: AppDeps,
  user: SessionUser,
  id: string,
  input: SubmissionInput,
  ip: string | null,
) {
  const { db } = deps.database;
  const project = await readableProjectOr404(deps, user, id);
  if (user.role !== 'project' || user.projectId !== project.id) {
    throw forbidden('只有本项目的项目部账号可以提交终止监督申请');
  }
  const row = await terminationRow(deps, project.id);
  if (!maySubmit(user, project, row)) {
    if (project.status !== 'completed' && !row)
      {throw conflict('not_completed', '项目尚未竣工备案，不能申请终止监督');}
    throw conflict(
      'already_submitted',
      row?.status === 'graded' ? '该项目已评定，不能再提交' : '申请已提交，等待安监站评定',
    );
  }
  if (input.applicationDate > shanghaiDate(deps.now())) {
    throw new AppError(400, 'invalid_date', '申请日期不能晚于今天', { field: 'applicationDate' });
  }
  const files = await uploadedFiles(deps, user, input);
  const now = deps.now();
  const values = {
    status: 'submitted' as const,
    applicationDate: input.applicationDate,
    note: input.note,
    files: JSON.stringify(files),
    round: (row?.round ?? 0) + 1,
    submittedAt: now,
    submittedByUserId: user.id,
    updatedAt: now,
  };
  db.transaction((tx) => {
    if (row)
      {tx.update(projectTerminations).set(values).where(eq(projectTerminations.projectId, project.id)).run();}
    else
      {tx.insert(projectTerminations)
        .values({ projectId: project.id, ...values })
        .run();}
    for (const f of files) {
      tx.insert(blobRefs)
        .values({ sha256: f.sha256, docName: terminationRefName(project.id), granted: true })
        .onConflictDoNothing()
        .run();
    }
  });
  record(deps, user, project, 'termination.submitted', ip, { round: values.round, files: files.length });
  return viewOf(deps, user, project);
}

async function reviewable(deps: AppDeps, user: SessionUser, id: string) {
  const project = await readableProjectOr404(deps, user, id);
  if (user.role !== 'supervisor') throw forbidden('只有项目所在地区的安监站可以评定终止监督');
  const row = await terminationRow(deps, project.id);
  if (row?.status !== 'submitted') throw conflict('not_submitted', '该项目没有待评定的终止监督申请');
  return { project, row };
}

/** The supervisor sends the submission back with a reason; the department may resubmit. */
export async function returnTermination(
  deps: AppDeps,
  user: SessionUser,
  id: string,
  reason: string,
  ip: string | null,
) {
  const { project } = await reviewable(deps, user, id);
  const now = deps.now();
  await deps.database.db
    .update(projectTerminations)
    .set({ status: 'returned', returnReason: reason, returnedAt: now, updatedAt: now })
    .where(eq(projectTerminations.projectId, project.id));
  record(deps, user, project, 'termination.returned', ip, { reason });
  return viewOf(deps, user, project);
}

/**
 * The supervisor grades the 安标考评, which terminates supervision (the project becomes 已终止监督, so R1 clears).
 * A standing automatic 不合格 (R1/R3) caps the grade at 不合格 unless the supervisor revokes it with a reason;
 * the revocation is kept on the automatic row (revokedAt), in the termination and in the audit log.
 */
export async function gradeTermination(
  deps: AppDeps,
  user: SessionUser,
  id: string,
  input: GradeInput,
  ip: string | null,
) {
  const { project, row } = await reviewable(deps, user, id);
  const { db } = deps.database;
  const standing = await db
    .select()
    .from(projectEvaluations)
    .where(
      and(
        eq(projectEvaluations.projectId, project.id),
        eq(projectEvaluations.automatic, true),
        isNull(projectEvaluations.revokedAt),
      ),
    );
  const revocations: Revocation[] = [];
  if (input.grade !== '不合格') {
    const unexplained = standing.filter((s) => !input.revocations.some((r) => r.evaluationId === s.id));
    if (unexplained.length > 0) {
      throw new AppError(
        422,
        'automatic_failure_stands',
        '项目有自动判定的不合格记录，评为合格或优良须逐条说明撤销理由',
        {
          failures: unexplained.map((s) => ({ id: s.id, source: s.source, reason: s.reason })),
        },
      );
    }
    for (const s of standing) {
      revocations.push({
        evaluationId: s.id,
        source: s.source,
        reason: input.revocations.find((r) => r.evaluationId === s.id)!.reason,
      });
    }
  }
  const now = deps.now();
  db.transaction((tx) => {
    for (const r of revocations) {
      tx.update(projectEvaluations)
        .set({ revokedAt: now })
        .where(eq(projectEvaluations.id, r.evaluationId))
        .run();
    }
    tx.insert(projectEvaluations)
      .values({
        id: randomUUID(),
        projectId: project.id,
        grade: input.grade,
        reason: input.reason,
        automatic: false,
        source: `termination|${row.round}`,
        decidedAt: now,
        decidedByUserId: user.id,
      })
      .run();
    tx.update(projectTerminations)
      .set({
        status: 'graded',
        grade: input.grade,
        gradeReason: input.reason,
        revocations: JSON.stringify(revocations),
        gradedAt: now,
        gradedByUserId: user.id,
        updatedAt: now,
      })
      .where(eq(projectTerminations.projectId, project.id))
      .run();
    tx.update(projects).set({ status: 'terminated' }).where(eq(projects.id, project.id)).run();
  });
  record(deps, user, project, 'termination.graded', ip, {
    grade: input.grade,
    reason: input.reason,
    revocations,
  });
  // R1 resolves at once rather than at the next scheduled pass.
  await evaluateProjectAlerts(deps, project.id);
  return viewOf(deps, user, { ...project, status: 'terminated' });
}

export const GRADES = EVALUATION_GRADE_VALUES;

function record(
  deps: AppDeps,
  user: SessionUser,
  project: ProjectRow,
  event: 'termination.submitted' | 'termination.returned' | 'termination.graded',
  ip: string | null,
  detail: Record<string, unknown>,
) {
  audit(deps.database.db, {
    event,
    at: deps.now(),
    ip,
    actorUserId: user.id,
    target: `${project.filingNumber} ${project.name}`,
    enterpriseId: project.enterpriseId,
    projectId: project.id,
    detail,
  });
}
