/**
 * What an inspection row says about its progress and its rectification, in zh-CN.
 *
 * @module
 */
import type { InspectionListItem } from './list-types';

type Row = Pick<
  InspectionListItem,
  'status' | 'findingCount' | 'total' | 'grade' | 'selfScore' | 'rectification'
>;

/** 得分 (and grade) for scored methods, the self score of a 月评, else how far the record got. */
export function progressText(row: Row): string {
  if (row.status === 'draft') {
    return row.findingCount > 0 ? `填写中 · 已记录 ${row.findingCount} 项` : '填写中';
  }
  if (row.total !== null) return `${row.total} 分${row.grade ? ` · ${row.grade}` : ''}`;
  if (row.selfScore !== null) return `自评 ${row.selfScore} 分`;
  return '已完成';
}

/** 无需整改, 需整改 (not opened yet: the record is a draft), or the rectification's state and deadline. */
export function rectificationText(row: Row): string {
  const r = row.rectification;
  if (!r) return '无需整改';
  const deadline = r.deadline ? `期限 ${r.deadline}` : '';
  if (!r.state) return `需整改${deadline ? `（${deadline}）` : ''}`;
  return `${r.stateLabel ?? ''}${deadline ? ` · ${deadline}` : ''}`;
}
