import type * as Y from 'yjs';
import { IssueSink, type ValidationIssue } from '../issues.js';
import { RECTIFICATION_MIGRATIONS } from './migrations.js';
import { rectificationToJSON } from './to-json.js';

/** Structural validation of a rectification document. */
export function validateRectification(doc: Y.Doc): ValidationIssue[] {
  const sink = new IssueSink();
  const json = rectificationToJSON(doc, sink);
  if (json.inspectionId === null) sink.add('inspectionId', 'missing', '缺少对应的检查记录');
  if (json.schemaVersion > RECTIFICATION_MIGRATIONS.length) {
    sink.add('schemaVersion', 'invalid', '文档版本高于本系统');
  }
  return sink.issues;
}
