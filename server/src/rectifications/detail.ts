import {
  inspectionDocName,
  inspectionFindingKeys,
  inspectionToJSON,
  rectificationDocName,
  rectificationToJSON,
  replyProblems,
  type RectificationJSON,
  type ReplyJSON,
} from '@anguan/model';
import type { ServerDeps } from '../deps.js';
import type { SessionUser } from '../auth/sessions.js';
import type { SheetFinding } from '../inspection-sheets/findings.js';
import { visibleFindings } from '../inspection-sheets/sheet.js';
import { getRectification, type RectificationView } from './service.js';

/** `GET /api/rectifications/<uuid>`: the row's view, the findings to fix, and the replies and reviews so far. */
export interface RectificationDetail extends RectificationView {
  /** The sealed inspection's findings; `key` names the ones a reply may answer one by one. */
  findings: SheetFinding[];
  /** 整改回复, oldest first, each with its per-finding answers (`findingReplies`, by finding key). */
  replies: ReplyJSON[];
  /** 复查, oldest first; each names the reply (and its version) it answers. */
  reviews: RectificationJSON['reviews'][number][];
}

/** One rectification with its findings and rounds, as the caller may read it (404 otherwise). */
export async function getRectificationDetail(
  deps: ServerDeps,
  user: SessionUser,
  inspectionId: string,
): Promise<RectificationDetail> {
  const view = await getRectification(deps, user, inspectionId);
  const inspection = deps.sync.withDoc(inspectionDocName(view.inspectionId), (doc) => inspectionToJSON(doc));
  const findings = await visibleFindings(deps, view.inspectionId, inspection);
  const json = deps.sync.withDoc(rectificationDocName(view.inspectionId), (doc) => rectificationToJSON(doc));
  const keys = new Set(inspectionFindingKeys(inspection));
  return {
    ...view,
    findings,
    replies: json.replies.map((r) => withoutRefusedParts(r, keys)),
    reviews: [...json.reviews],
  };
}

/**
 * The server's check of what a device wrote past the model's writer (a document is a CRDT: an update cannot be
 * taken back once merged, so the refusal is here): an answer to a finding the sealed inspection does not have,
 * or one over the per-finding limits, is left out of every answer the server gives.
 */
export function withoutRefusedParts(reply: ReplyJSON, keys: ReadonlySet<string>): ReplyJSON {
  const prefix = 'findingReplies.';
  const refused = new Set(
    replyProblems(reply, keys)
      .filter((problem) => problem.field.startsWith(prefix))
      .map((problem) => problem.field.slice(prefix.length)),
  );
  if (refused.size === 0) return reply;
  const kept = Object.entries(reply.findingReplies).filter(([key]) => !refused.has(key));
  return { ...reply, findingReplies: Object.fromEntries(kept) };
}
