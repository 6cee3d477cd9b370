import type * as Y from 'yjs';
import { IssueSink, type ValidationIssue } from '../issues.js';
import { PROJECT_MIGRATIONS } from './migrations.js';
import { projectDocToJSON } from './to-json.js';

/** Structural validation of a project document. */
export function validateProjectDoc(doc: Y.Doc): ValidationIssue[] {
  const sink = new IssueSink();
  const json = projectDocToJSON(doc, sink);
  if (json.projectId === null) sink.add('projectId', 'missing', '缺少项目编号');
  if (json.schemaVersion > PROJECT_MIGRATIONS.length) {
    sink.add('schemaVersion', 'invalid', '文档版本高于本系统');
  }
  return sink.issues;
}
