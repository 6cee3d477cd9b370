import type * as Y from 'yjs';
import { IssueSink, type ValidationIssue } from '../issues.js';
import { INSPECTION_MIGRATIONS } from './migrations.js';
import { inspectionScoringCatalog, sheetDisplayName, unsavedSheets } from './score-input.js';
import { SHEET_METHODS } from './schema.js';
import { inspectionToJSON, type InspectionJSON } from './to-json.js';

/**
 * Structural validation: everything a reader had to skip or could not trust (malformed entries, missing or
 * invalid metadata, an unknown schema version). An empty list means the document is well-formed.
 */
export function validateInspection(doc: Y.Doc): ValidationIssue[] {
  const sink = new IssueSink();
  const json = inspectionToJSON(doc, sink);
  if (json.schemaVersion > INSPECTION_MIGRATIONS.length) {
    sink.add('schemaVersion', 'invalid', '文档版本高于本系统，请更新应用');
  }
  return sink.issues;
}

/**
 * What must be true before the sheet is generated and the inspection sealed (立即生成 / 保存汇总): well-formed
 * metadata, at least one inspector, content for its method, a 评语 for JGJ59/dust, every sheet saved (保存检查项)
 * or 缺项, and a complete rectification request (requirement, deadline, rectifier) when rectification is required.
 */
export function checkInspectionReadyToSeal(json: InspectionJSON): ValidationIssue[] {
  const sink = new IssueSink();
  const meta = json.meta;
  if (!meta) {
    sink.add('meta', 'missing', '检查信息不完整');
    return sink.issues;
  }
  if (json.inspectors.length === 0) sink.add('inspectors', 'no_inspector', '请填写检查人员');
  const isSheetMethod = (SHEET_METHODS as readonly string[]).includes(meta.method);
  // Sheets before 评语: the summary (and its 评语) comes after every sub-table is saved.
  if (isSheetMethod) addUnsavedSheets(json, sink);
  if (isSheetMethod && json.comment.trim() === '') {
    sink.add('comment', 'comment_required', '请填写评语后再保存汇总');
  }
  const empty =
    (meta.method === 'terms' && json.terms.length === 0) ||
    (meta.method === 'internal' && json.files.every((f) => f.deletedAt !== null)) ||
    (isSheetMethod && json.sheets.length === 0);
  if (empty) sink.add('content', 'empty_content', '检查内容为空');
  const r = json.rectification;
  if (r.required && (r.requirement.trim() === '' || r.deadline === null || r.rectifier === null)) {
    sink.add('rectification', 'rectification_incomplete', '需要整改时，请填写整改要求、整改期限和整改人');
  }
  return sink.issues;
}

function addUnsavedSheets(json: InspectionJSON, sink: IssueSink): void {
  const unsaved = unsavedSheets(json);
  if (unsaved.length === 0) return;
  let catalog = null;
  try {
    catalog = json.meta && inspectionScoringCatalog(json.meta);
  } catch {
    // An unknown catalog version is the materializer's error to report; the names fall back to table ids.
  }
  const names = unsaved.map((s) => sheetDisplayName(s, catalog)).join('、');
  sink.add('sheets', 'unsaved_sheets', `以下分项检查表尚未保存：${names}`);
}
