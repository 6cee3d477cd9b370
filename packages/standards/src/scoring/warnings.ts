/**
 * Builders for {@link ScoreWarning}s, so every warning has the same shape and a zh-CN message.
 *
 * @internal
 * @module
 */
import type { ScoreWarning, ScoreWarningCode } from './types.js';

/** Builds a warning; unspecified locations are null. */
export function warning(
  code: ScoreWarningCode,
  message: string,
  where: { clause?: string; sheetIndex?: number; itemId?: string; ruleId?: string } = {},
): ScoreWarning {
  return {
    code,
    message,
    clause: where.clause ?? null,
    sheetIndex: where.sheetIndex ?? null,
    itemId: where.itemId ?? null,
    ruleId: where.ruleId ?? null,
  };
}
