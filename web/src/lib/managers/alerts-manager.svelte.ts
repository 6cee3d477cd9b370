/**
 * The live side of 预警提醒: one server-sent-events stream (`/api/alerts/stream`) per signed-in tab, the unread
 * badge's figure, and system notifications (through the service worker) for new alerts once the user allowed them.
 * Pages read {@link AlertsManager.revision} to reload their lists when something arrived.
 *
 * @module
 */
import { browser } from '$app/environment';
import { toastManager } from './toast-manager.svelte';

/** What `alert` events carry (server `alerts/stream.ts`). */
export interface LiveAlert {
  kind: 'created' | 'reopened' | 'escalated';
  alertId: string;
  rule: string;
  projectId: string;
  title: string;
  level: 'warning' | 'critical';
  link: string | null;
  unread: number;
}

/** What `notification` events carry. */
export interface LiveNotice {
  kind: string;
  title: string;
  link: string | null;
}

/** Waits after a stream the browser gave up on (a 401, a server restart), doubling up to the maximum. */
export const RECONNECT_MIN_MS = 2_000;
export const RECONNECT_MAX_MS = 60_000;

export type NotifyPermission = 'default' | 'granted' | 'denied' | 'unsupported';

const KIND_WORDS: Record<LiveAlert['kind'], string> = {
  created: '新预警',
  reopened: '预警再次出现',
  escalated: '预警升级',
};

class AlertsManager {
  /** Open, unread alerts of the user; null until the stream or the list said. */
  unread = $state<number | null>(null);
  /** Bumped on every pushed alert or notification: pages reload their lists. */
  revision = $state(0);
  connected = $state(false);
  permission = $state<NotifyPermission>(
    browser && 'Notification' in window ? Notification.permission : 'unsupported',
  );

  #source: EventSource | null = null;
  #retryMs = RECONNECT_MIN_MS;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #started = false;

  /** Opens the stream (idempotent); returns the stop function for an `$effect`. */
  start(): () => void {
    if (!browser || this.#started || typeof EventSource === 'undefined') return () => undefined;
    this.#started = true;
    window.addEventListener('online', this.#reconnectNow);
    this.#connect();
    return () => this.stop();
  }

  stop(): void {
    this.#started = false;
    window.removeEventListener('online', this.#reconnectNow);
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#source?.close();
    this.#source = null;
    this.connected = false;
    this.unread = null;
  }

  /** Asks the browser for permission to show system notifications (only ever from a button press). */
  async requestPermission(): Promise<NotifyPermission> {
    if (this.permission === 'unsupported') return this.permission;
    this.permission = await Notification.requestPermission();
    return this.permission;
  }

  /** A page that changed read states tells the badge. */
  setUnread(count: number): void {
    this.unread = count;
  }

  #connect(): void {
    this.#source?.close();
    const source = new EventSource('/api/alerts/stream');
    this.#source = source;
    source.addEventListener('ready', (event) => {
      this.connected = true;
      this.#retryMs = RECONNECT_MIN_MS;
      this.unread = (parse(event) as { unread: number }).unread;
      this.revision++;
    });
    source.addEventListener('alert', (event) => this.#onAlert(parse(event) as LiveAlert));
    source.addEventListener('notification', (event) => this.#onNotice(parse(event) as LiveNotice));
    source.onerror = () => {
      this.connected = false;
      // EventSource retries by itself after a dropped connection; after a refused one (401, 5xx) it stops.
      if (source.readyState === EventSource.CLOSED && this.#started) this.#scheduleReconnect();
    };
  }

  #reconnectNow = () => {
    if (this.#started && !this.connected) this.#connect();
  };

  #scheduleReconnect(): void {
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#connect(), this.#retryMs);
    this.#retryMs = Math.min(this.#retryMs * 2, RECONNECT_MAX_MS);
  }

  #onAlert(alert: LiveAlert): void {
    this.unread = alert.unread;
    this.revision++;
    toastManager.info(`${KIND_WORDS[alert.kind]}：${alert.title}`);
    void this.#systemNotification(`安管 · ${KIND_WORDS[alert.kind]}`, alert.title, alert.alertId, alert.link);
  }

  #onNotice(notice: LiveNotice): void {
    this.revision++;
    toastManager.info(`新提醒：${notice.title}`);
    void this.#systemNotification('安管 · 提醒', notice.title, `notice:${notice.title}`, notice.link);
  }

  async #systemNotification(title: string, body: string, tag: string, link: string | null): Promise<void> {
    if (this.permission !== 'granted') return;
    const options: NotificationOptions = {
      body,
      tag,
      icon: '/icons/icon-192.png',
      data: { link: link ?? '/alerts' },
    };
    try {
      const registration = await navigator.serviceWorker?.getRegistration();
      // The service worker's notificationclick opens the link; without one (dev) a page notification does.
      if (registration) await registration.showNotification(title, options);
      else new Notification(title, options).onclick = () => window.location.assign(link ?? '/alerts');
    } catch (error) {
      console.warn('[anguan] system notification failed', error);
    }
  }
}

function parse(event: Event): unknown {
  return JSON.parse((event as MessageEvent<string>).data);
}

export const alertsManager = new AlertsManager();
