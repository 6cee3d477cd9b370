import { isSha256Hex } from '@anguan/model';
import { EVALUATION_GRADE_VALUES } from '../db/schema/index.js';
import { badRequest } from '../http/errors.js';
import { calendarDate } from '../registry/input.js';

export interface SubmissionInput {
  applicationDate: string;
  note: string;
  files: Array<{ sha256: string; name: string }>;
}

export interface GradeInput {
  grade: (typeof EVALUATION_GRADE_VALUES)[number];
  reason: string;
  revocations: Array<{ evaluationId: string; reason: string }>;
}

const MAX_FILES = 30;

function text(
  body: Record<string, unknown>,
  field: string,
  label: string,
  max: number,
  required: boolean,
): string {
  const value = body[field];
  const s = typeof value === 'string' ? value.trim() : '';
  if (value !== undefined && value !== null && typeof value !== 'string') {
    throw badRequest('invalid_field', `${label}格式无效`, { field });
  }
  if (required && !s) throw badRequest('missing_field', `请填写${label}`, { field });
  if (s.length > max) throw badRequest('too_long', `${label}不能超过${max}个字`, { field });
  return s;
}

export function parseSubmission(body: Record<string, unknown>): SubmissionInput {
  const applicationDate = calendarDate(body.applicationDate);
  if (!applicationDate) {
    throw badRequest('invalid_date', '申请日期应为有效日期，格式 YYYY-MM-DD', { field: 'applicationDate' });
  }
  const raw = body.files;
  if (!Array.isArray(raw) || raw.length === 0) {
    throw badRequest('missing_field', '请上传安标考评材料', { field: 'files' });
  }
  if (raw.length > MAX_FILES)
    {throw badRequest('too_many_files', `材料不能超过${MAX_FILES}个文件`, { field: 'files' });}
  const files = raw.map((f: unknown) => {
    const file = (typeof f === 'object' && f !== null ? f : {}) as Record<string, unknown>;
    if (typeof file.sha256 !== 'string' || !isSha256Hex(file.sha256)) {
      throw badRequest('invalid_hash', '文件标识必须是小写十六进制 SHA-256', { field: 'files' });
    }
    const name =
      typeof file.name === 'string' && file.name.trim() ? file.name.trim().slice(0, 200) : file.sha256;
    return { sha256: file.sha256, name };
  });
  const unique = [...new Map(files.map((f) => [f.sha256, f])).values()];
  return { applicationDate, note: text(body, 'note', '说明', 2000, false), files: unique };
}

export function parseGrade(body: Record<string, unknown>): GradeInput {
  const grade = body.grade as GradeInput['grade'];
  if (!EVALUATION_GRADE_VALUES.includes(grade)) {
    throw badRequest('invalid_grade', '考评结果只能是优良、合格或不合格', { field: 'grade' });
  }
  const reason = text(body, 'reason', '评定理由', 2000, true);
  const raw = body.revocations ?? [];
  if (!Array.isArray(raw)) throw badRequest('invalid_field', '撤销说明格式无效', { field: 'revocations' });
  const revocations = raw.map((r: unknown) => {
    const item = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    if (typeof item.evaluationId !== 'string') {
      throw badRequest('invalid_field', '撤销说明格式无效', { field: 'revocations' });
    }
    return {
      evaluationId: item.evaluationId,
      reason: text(item, 'reason', '撤销自动不合格的理由', 1000, true),
    };
  });
  return { grade, reason, revocations };
}

export function parseReturnReason(body: Record<string, unknown>): string {
  return text(body, 'reason', '退回理由', 1000, true);
}
