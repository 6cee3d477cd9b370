import { isRecord, str, type IssueSink } from '../issues.js';
import { isSha256Hex } from '../values.js';
import { isFindingKey } from './finding-key.js';
import { RECTIFICATION_LIMITS, type FindingReply, type Reply } from './schema.js';

/**
 * Per-finding parts of a 整改回复 (issue 9): reading them from a stored reply value, and the limits the writer and
 * the server's validator both enforce (one function, so they cannot disagree).
 */

/** The parts of a stored reply value; malformed parts are skipped and reported. Absent (older replies) → {}. */
export function readFindingReplies(
  value: Record<string, unknown>,
  path: string,
  issues?: IssueSink,
): Record<string, FindingReply> {
  const raw = value.findingReplies;
  const parts: Record<string, FindingReply> = {};
  if (raw === undefined) return parts;
  if (!isRecord(raw)) {
    issues?.add(`${path}.findingReplies`, 'malformed_entry', '逐条整改回复记录无效');
    return parts;
  }
  for (const key of Object.keys(raw).sort()) {
    const part = raw[key];
    const text = isRecord(part) ? str(part, 'text') : null;
    const photos = isRecord(part) && Array.isArray(part.photos) ? part.photos : null;
    if (!isFindingKey(key) || text === null || photos === null || !photos.every(isSha256Hex)) {
      issues?.add(`${path}.findingReplies.${key}`, 'malformed_entry', '逐条整改回复记录无效');
      continue;
    }
    parts[key] = { text, photos };
  }
  return parts;
}

/** One thing wrong with a reply: where (a dotted path under the reply) and why (zh-CN). */
export interface ReplyProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * What is wrong with a reply's content, against the limits and, when given, the keys of the inspection's findings
 * (`inspectionFindingKeys`): a part for a finding the inspection does not have is refused.
 */
export function replyProblems(
  reply: Pick<Reply, 'text' | 'photos' | 'findingReplies'>,
  findingKeys?: ReadonlySet<string>,
): ReplyProblem[] {
  const L = RECTIFICATION_LIMITS;
  const problems: ReplyProblem[] = [];
  const parts = Object.entries(reply.findingReplies ?? {});
  if (reply.text.trim() === '' && parts.length === 0) {
    problems.push({ field: 'text', message: '请填写整改情况' });
  }
  if (reply.text.length > L.maxTextLength) problems.push({ field: 'text', message: '整改情况过长' });
  if (reply.photos.length > L.maxPhotos) problems.push({ field: 'photos', message: '整改照片过多' });
  if (parts.length > L.maxFindingReplies) problems.push({ field: 'findingReplies', message: '逐条回复过多' });
  let totalText = reply.text.length;
  let totalPhotos = reply.photos.length;
  for (const [key, part] of parts) {
    const field = `findingReplies.${key}`;
    if (!isFindingKey(key) || (findingKeys && !findingKeys.has(key))) {
      problems.push({ field, message: '回复的问题不在该检查单中' });
    }
    if (part.text.trim() === '' && part.photos.length === 0) {
      problems.push({ field, message: '逐条回复为空' });
    }
    if (part.text.length > L.maxTextLength) problems.push({ field, message: '逐条回复过长' });
    if (part.photos.length > L.maxFindingPhotos) problems.push({ field, message: '逐条回复的照片过多' });
    totalText += part.text.length;
    totalPhotos += part.photos.length;
  }
  if (totalText > L.maxTotalTextLength) {
    problems.push({ field: 'findingReplies', message: '整改回复总字数过多' });
  }
  if (totalPhotos > L.maxTotalPhotos) {
    problems.push({ field: 'findingReplies', message: '整改回复照片总数过多' });
  }
  return problems;
}

/** Every photo of a reply: the whole sheet's, then each finding's (by key). */
export function replyPhotos(reply: Pick<Reply, 'photos' | 'findingReplies'>): string[] {
  return [...reply.photos, ...Object.values(reply.findingReplies ?? {}).flatMap((part) => part.photos)];
}
