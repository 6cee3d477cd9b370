/**
 * What the 预警提醒 list shows: filters (unread / rule / level), open alerts apart from the resolved history, and
 * the countdown's wording. Pure, so the page's rules are tested without a browser.
 *
 * @module
 */
import type { Alert, AlertLevel, AlertRule } from '$lib/api/alerts';

export interface AlertFilter {
  unreadOnly: boolean;
  /** '' = every rule. */
  rule: AlertRule | '';
  /** '' = every level. */
  level: AlertLevel | '';
}

export const NO_FILTER: AlertFilter = Object.freeze({ unreadOnly: false, rule: '', level: '' });

/** Open alerts (the work to do) and resolved ones (history), each filtered; critical open ones first. */
export function splitAlerts(
  alerts: readonly Alert[],
  filter: AlertFilter,
): { open: Alert[]; history: Alert[] } {
  const shown = alerts.filter(
    (a) =>
      (!filter.unreadOnly || !a.read) &&
      (filter.rule === '' || a.rule === filter.rule) &&
      (filter.level === '' || a.level === filter.level),
  );
  const open = shown.filter((a) => a.state === 'open');
  // Stable: the server's order (most recently updated first) stays within each level.
  open.sort((a, b) => levelRank(a.level) - levelRank(b.level));
  return { open, history: shown.filter((a) => a.state === 'resolved') };
}

const levelRank = (level: AlertLevel) => (level === 'critical' ? 0 : 1);

/** Whether any filter narrows the list. */
export const isFiltered = (filter: AlertFilter) =>
  filter.unreadOnly || filter.rule !== '' || filter.level !== '';

/**
 * The countdown chip: R1 counts the 30 days to 终止监督 (剩余 N 天, 今日到期), R3 the days left in the year; other
 * rules have none.
 */
export function countdownLabel(alert: Pick<Alert, 'rule' | 'daysLeft' | 'state'>): string | null {
  if (alert.daysLeft === null || alert.state !== 'open') return null;
  if (alert.daysLeft <= 0) return alert.rule === 'R1' ? '今日到期' : '本年度剩余 0 天';
  return alert.rule === 'R3' ? `本年度剩余 ${alert.daysLeft} 天` : `剩余 ${alert.daysLeft} 天`;
}

/** Marks one alert read in a list (the page updates at once; the server is told alongside). */
export function withRead(alerts: readonly Alert[], id: string | null): Alert[] {
  return alerts.map((a) => (id === null || a.id === id ? { ...a, read: true } : a));
}

/** Open, unread alerts: the badge's figure, recomputed after a local change. */
export const unreadOf = (alerts: readonly Alert[]) =>
  alerts.filter((a) => a.state === 'open' && !a.read).length;
