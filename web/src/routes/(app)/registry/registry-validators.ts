/**
 * Checks of the 项目登记 form that the shared validators lack: optional numbers, dates and their order. Messages are
 * zh-CN; the server repeats every check.
 *
 * @module
 */
import type { Validator } from '$lib/forms/field.svelte';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Empty, or a non-negative number with at most `decimals` decimals. */
export const optionalAmount =
  (label: string, decimals = 2): Validator =>
  (value) => {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const pattern = new RegExp(`^\\d{1,12}(\\.\\d{1,${decimals}})?$`);
    return pattern.test(trimmed) ? null : `${label}须为不小于 0 的数字，最多 ${decimals} 位小数`;
  };

/** A whole number of enterprise inspections per year, 1 to 12. */
export const inspectionsPerYear: Validator = (value) => {
  const n = Number(value.trim());
  return /^\d{1,2}$/.test(value.trim()) && n >= 1 && n <= 12 ? null : '每年企业检查次数须为 1～12 的整数';
};

/** Empty or YYYY-MM-DD. */
export const optionalDate =
  (label: string): Validator =>
  (value) =>
    value === '' || DATE.test(value) ? null : `${label}格式应为 YYYY-MM-DD`;

/** A required YYYY-MM-DD. */
export const requiredDate =
  (label: string): Validator =>
  (value) =>
    value === '' ? `请选择${label}` : DATE.test(value) ? null : `${label}格式应为 YYYY-MM-DD`;

/** The expected completion is not before the start (both optional). */
export const notBefore =
  (other: () => string, label: string, otherLabel: string): Validator =>
  (value) => {
    const base = optionalDate(label)(value);
    if (base) return base;
    const start = other();
    return value && start && value < start ? `${label}不能早于${otherLabel}` : null;
  };

/** Requires a choice from a select. */
export const chosen =
  (label: string): Validator =>
  (value) =>
    value === '' ? `请选择${label}` : null;
