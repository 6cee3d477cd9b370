import { SHANGHAI_OFFSET_MS, shanghaiDate } from '@anguan/standards';

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** An instant as a `YYYY-MM-DD` Asia/Shanghai calendar day (every date in the UI looks like this). */
export function formatDate(value: string | Date): string {
  return shanghaiDate(toDate(value));
}

/** An instant as `YYYY-MM-DD HH:mm` in Asia/Shanghai (UTC+8, no DST). */
export function formatDateTime(value: string | Date): string {
  const date = toDate(value);
  const time = new Date(date.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
  return `${shanghaiDate(date)} ${time}`;
}

/** Today as `YYYY-MM-DD` in Asia/Shanghai. */
export function todayInShanghai(): string {
  return shanghaiDate(new Date());
}
