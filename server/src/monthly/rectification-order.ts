import { and, eq, isNull } from 'drizzle-orm';
import { inspectionDocName, rectificationDocName } from '@anguan/model';
import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import { audit } from '../auth/audit.js';
import { documents, inspections, rectificationOrders } from '../db/schema/index.js';
import { AppError, badRequest, conflict, notFound } from '../http/errors.js';
import { findReadableProject } from '../projects/queries.js';

export interface OrderInput {
  requirement: string;
  deadline: string;
}

/**
 * 责令整改 on a 标准化月评 whose self-evaluation looks untrue: records the enterprise's order and registers the
 * `rectification:<inspection id>` document for the project department's answer. Its registry row carries origin
 * `enterprise` (not the evaluation's `monthly`): the origin decides who reviews a rectification, and here the
 * enterprise that ordered it reviews it. The rest of the loop (replies, review, overdue) is the rectification
 * issue's.
 */
export async function orderRectification(
  deps: AppDeps,
  user: SessionUser,
  inspectionId: string,
  input: OrderInput,
  meta: { ip: string },
) {
  const { db } = deps.database;
  const [inspection] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, inspectionId), isNull(inspections.deletedAt)))
    .limit(1);
  const project = inspection ? await findReadableProject(db, user, inspection.projectId) : undefined;
  if (!inspection || !project || inspection.origin !== 'monthly') throw notFound('未找到该标准化月评记录');
  if (inspection.status !== 'completed') throw conflict('not_sealed', '该月评尚未提交，不能责令整改');
  if (input.deadline < shanghaiDate(deps.now())) {
    throw badRequest('invalid_deadline', '整改期限不能早于今天', { field: 'deadline' });
  }
  const docName = rectificationDocName(inspectionId);
  const now = deps.now();
  db.transaction((tx) => {
    if (
      tx.select().from(rectificationOrders).where(eq(rectificationOrders.inspectionId, inspectionId)).get()
    ) {
      throw conflict('already_ordered', '已对该月评责令整改');
    }
    if (tx.select().from(documents).where(eq(documents.name, docName)).get()) {
      throw new AppError(409, 'already_ordered', '该月评已有整改记录');
    }
    tx.insert(rectificationOrders)
      .values({ inspectionId, projectId: project.id, ...input, orderedByUserId: user.id, orderedAt: now })
      .run();
    tx.insert(documents)
      .values({
        name: docName,
        kind: 'rectification',
        id: inspectionId,
        projectId: project.id,
        method: null,
        origin: 'enterprise',
        creatorUserId: user.id,
        createdAt: now,
      })
      .run();
  });
  audit(db, {
    event: 'rectification.ordered',
    at: now,
    ip: meta.ip,
    actorUserId: user.id,
    detail: { docName: inspectionDocName(inspectionId), deadline: input.deadline },
  });
  return { inspectionId, ...input, orderedAt: now.toISOString(), docName };
}
