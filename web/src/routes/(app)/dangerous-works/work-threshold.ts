/**
 * zh-CN wording of whether a 超危大 work reaches its 附件2 item's threshold (packages/standards decides).
 *
 * @module
 */
import type { WorkParameter } from '@anguan/model';
import { reachesThreshold, superDangerousItem, type Annex2Item } from '@anguan/standards';

export interface ThresholdVerdict {
  tone: 'danger' | 'ok' | 'muted';
  text: string;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** Parses typed parameter values (blank = not given); null when one is not a non-negative number. */
export function parseParameters(
  item: Annex2Item,
  typed: Record<string, string>,
): Record<string, WorkParameter> | null {
  const parameters: Record<string, WorkParameter> = {};
  for (const c of item.threshold?.conditions ?? []) {
    const text = (typed[c.parameter] ?? '').trim();
    if (text === '') continue;
    if (!NUMBER.test(text)) return null;
    parameters[c.parameter] = { value: Number(text), unit: c.unit };
  }
  return parameters;
}

export function thresholdVerdict(
  itemId: string | null,
  parameters: Record<string, WorkParameter> | null,
): ThresholdVerdict {
  const item = itemId === null ? null : superDangerousItem(itemId);
  if (!item) return { tone: 'muted', text: '未选择附件2条目，无法判断规模' };
  if (parameters === null) return { tone: 'muted', text: '参数须为不小于 0 的数字' };
  const values = Object.fromEntries(Object.entries(parameters).map(([k, p]) => [k, p.value]));
  const check = reachesThreshold(item, values);
  const extra = item.threshold?.condition ? `（另须${item.threshold.condition}）` : '';
  switch (check.status) {
    case 'by_kind':
      return { tone: 'danger', text: '该条目按工程类型即属超过一定规模的危大工程' };
    case 'reaches': {
      const names = item.threshold?.conditions.filter((c) => check.met.includes(c.parameter)).map(describe);
      return { tone: 'danger', text: `达到超过一定规模标准：${names?.join('；')}${extra}` };
    }
    case 'below':
      return { tone: 'ok', text: '未达到超过一定规模标准：属一般危大工程' };
    case 'incomplete':
      return { tone: 'muted', text: '请填写参数以判断是否超过一定规模' };
  }
}

const describe = (c: { name: string; op: 'gte' | 'lt'; value: number; unit: string }) =>
  `${c.name}${c.op === 'gte' ? '≥' : '<'}${c.value} ${c.unit}`;
