/**
 * State of the 预警提醒 page: the user's alerts and notifications (cached on the device, shown with their age
 * offline), the filters, and the read actions (applied on screen at once, then on the server).
 *
 * @module
 */
import { alertsApi } from '$lib/api';
import type { Alert, AppNotificationList } from '$lib/api/alerts';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { alertsManager } from '$lib/managers/alerts-manager.svelte';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { handleError } from '$lib/utils/handle-error';
import { NO_FILTER, isFiltered, splitAlerts, unreadOf, withRead, type AlertFilter } from './alert-filters';

export class AlertsPage {
  readonly alerts = new CachedResource<{ alerts: Alert[] }>('加载预警提醒失败');
  readonly notices = new CachedResource<AppNotificationList>('加载提醒失败');
  filter = $state<AlertFilter>({ ...NO_FILTER });
  busy = $state(false);

  readonly split = $derived(splitAlerts(this.alerts.data?.alerts ?? [], this.filter));
  readonly filtered = $derived(isFiltered(this.filter));
  readonly unread = $derived(unreadOf(this.alerts.data?.alerts ?? []));
  readonly unreadNotices = $derived(this.notices.data?.unread ?? 0);

  /** Loads both lists (device copy first, then the server's). */
  async load(): Promise<void> {
    await Promise.all([
      this.alerts.load(alertsApi.ALERTS_PATH),
      this.notices.load(alertsApi.NOTIFICATIONS_PATH),
    ]);
    if (this.alerts.data && !this.alerts.stale) alertsManager.setUnread(this.unread);
  }

  resetFilter(): void {
    this.filter = { ...NO_FILTER };
  }

  /** Marks an alert read (opening it does this too); the badge follows. */
  async markRead(alert: Alert): Promise<void> {
    if (alert.read) return;
    this.#setAlerts(withRead(this.alerts.data?.alerts ?? [], alert.id));
    try {
      await alertsApi.markRead(alert.id);
    } catch (error) {
      handleError(error, '标记已读失败');
    }
  }

  async markAllRead(): Promise<void> {
    this.busy = true;
    try {
      await alertsApi.markAllRead();
      this.#setAlerts(withRead(this.alerts.data?.alerts ?? [], null));
      toastManager.success('已全部标记为已读');
    } catch (error) {
      handleError(error, '全部已读失败');
    } finally {
      this.busy = false;
    }
  }

  async markAllNoticesRead(): Promise<void> {
    const data = this.notices.data;
    if (!data) return;
    try {
      await alertsApi.markAllNotificationsRead();
      this.notices.data = { unread: 0, notifications: data.notifications.map((n) => ({ ...n, read: true })) };
      toastManager.success('提醒已全部标记为已读');
    } catch (error) {
      handleError(error, '全部已读失败');
    }
  }

  async markNoticeRead(id: string): Promise<void> {
    const data = this.notices.data;
    if (!data) return;
    const target = data.notifications.find((n) => n.id === id);
    if (!target || target.read) return;
    this.notices.data = {
      unread: Math.max(0, data.unread - 1),
      notifications: data.notifications.map((n) => (n.id === id ? { ...n, read: true } : n)),
    };
    try {
      await alertsApi.markNotificationRead(id);
    } catch (error) {
      handleError(error, '标记已读失败');
    }
  }

  #setAlerts(alerts: Alert[]): void {
    if (this.alerts.data) this.alerts.data = { alerts };
    alertsManager.setUnread(unreadOf(alerts));
  }
}
