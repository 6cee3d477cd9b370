import type * as Y from 'yjs';
import { IssueSink, type ValidationIssue } from '../issues.js';
import { replyProblems } from './finding-replies.js';
import { RECTIFICATION_MIGRATIONS } from './migrations.js';
import { rectificationToJSON } from './to-json.js';

/**
 * Structural validation of a rectification document. With `findingKeys` (the sealed inspection's
 * `inspectionFindingKeys`, which only the server and the page know), a reply answering a finding the inspection
 * does not have is an issue too; limits on text and photos are checked either way.
 */
export function validateRectification(
  doc: Y.Doc,
  options: { findingKeys?: readonly string[] } = {},
): ValidationIssue[] {
  const sink = new IssueSink();
  const json = rectificationToJSON(doc, sink);
  if (json.inspectionId === null) sink.add('inspectionId', 'missing', '缺少对应的检查记录');
  if (json.schemaVersion > RECTIFICATION_MIGRATIONS.length) {
    sink.add('schemaVersion', 'invalid', '文档版本高于本系统');
  }
  const keys = options.findingKeys ? new Set(options.findingKeys) : undefined;
  for (const reply of json.replies) {
    for (const problem of replyProblems(reply, keys)) {
      sink.add(`replies.${reply.replyId}.${problem.field}`, 'invalid', problem.message);
    }
  }
  return sink.issues;
}
