/**
 * Reads the optional 自评分 typed on the 标准化月评 form: empty → null; otherwise 0–100 with at most one decimal
 * (the model's `isSelfScore` rule), or a zh-CN message.
 */
export function parseSelfScore(text: string): { score: number | null } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { score: null };
  if (!/^\d{1,3}(\.\d)?$/.test(trimmed)) return { error: '自评分须为 0～100 之间的数字，最多一位小数' };
  const score = Number(trimmed);
  if (score > 100) return { error: '自评分不能超过 100 分' };
  return { score };
}
