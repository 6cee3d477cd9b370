/** `/api/alerts` and `/api/notifications`: the signed-in user's 预警提醒, R2 核实, the enterprise's robot webhook. */
import { request } from './client';

export type AlertRule = 'R1' | 'R2' | 'R3' | 'R4' | 'R5' | 'R6';
export type AlertLevel = 'warning' | 'critical';

/** One alert of the user (server: `AlertView`). */
export interface Alert {
  id: string;
  rule: AlertRule;
  projectId: string;
  state: 'open' | 'resolved';
  read: boolean;
  /** ISO 8601. */
  createdAt: string;
  title: string;
  level: AlertLevel;
  body: string;
  /** App path to open (`/projects/<备案号>`, `/rectifications/<id>`, …). */
  link: string | null;
  /** R1 countdown (30…0); R3: days left in the year's construction window; else null. */
  daysLeft: number | null;
  updatedAt: string;
  resolvedAt: string | null;
}

/** The rules' names as the page's filter shows them. */
export const RULE_LABELS: Record<AlertRule, string> = {
  R1: '竣工未终止监督',
  R2: '逾期未竣工',
  R3: '企业检查次数不足',
  R4: '标准化月评未上传',
  R5: '整改逾期',
  R6: '超危大工程资料缺失',
};

export const LEVEL_LABELS: Record<AlertLevel, string> = { warning: '预警', critical: '严重' };

/** An in-app notification (督促, rectification reminders). */
export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  projectId: string | null;
  subjectId: string | null;
  createdAt: string;
  read: boolean;
}

/** `GET /api/notifications`. */
export interface AppNotificationList {
  notifications: AppNotification[];
  unread: number;
}

export type VerificationFinding = 'suspended' | 'delayed' | 'completed_not_filed' | 'other';

export const FINDING_LABELS: Record<VerificationFinding, string> = {
  suspended: '停工',
  delayed: '延期施工',
  completed_not_filed: '已完工未办理竣工备案',
  other: '其他',
};

export interface Verification {
  id: string;
  finding: VerificationFinding;
  findingLabel: string;
  note: string;
  recordedBy: string;
  createdAt: string;
}

export type WebhookKind = 'wecom' | 'dingtalk';

export interface WebhookSettings {
  kind: WebhookKind;
  url: string;
  /** Whether a 钉钉 加签 secret is stored (the secret is never sent back). */
  signed: boolean;
}

export interface WebhookDelivery {
  id: string;
  alertId: string | null;
  kind: WebhookKind;
  title: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

/** Paths for {@link CachedResource} (cached on the device for offline reading). */
export const ALERTS_PATH = '/alerts';
export const NOTIFICATIONS_PATH = '/notifications';

export const unreadCount = () => request<{ unread: number }>('GET', '/alerts/unread-count');
export const markRead = (id: string) =>
  request<{ ok: true }>('POST', `/alerts/${encodeURIComponent(id)}/read`);
export const markAllRead = () => request<{ ok: true }>('POST', '/alerts/read-all');
export const markNotificationRead = (id: string) =>
  request<{ ok: true }>('POST', `/notifications/${encodeURIComponent(id)}/read`);
export const markAllNotificationsRead = () => request<{ ok: true }>('POST', '/notifications/read-all');

export const listVerifications = (id: string) =>
  request<{ verifications: Verification[] }>('GET', `/alerts/${encodeURIComponent(id)}/verification`);
export const recordVerification = (id: string, finding: VerificationFinding, note: string) =>
  request<{ verifications: Verification[] }>('POST', `/alerts/${encodeURIComponent(id)}/verification`, {
    finding,
    note,
  });

export const getWebhook = () => request<{ webhook: WebhookSettings | null }>('GET', '/alerts/webhook');
export const saveWebhook = (input: { kind: WebhookKind; url: string; secret?: string }) =>
  request<{ webhook: WebhookSettings | null }>('PUT', '/alerts/webhook', input);
export const deleteWebhook = () => request<{ webhook: null }>('DELETE', '/alerts/webhook');
export const testWebhook = () => request<{ delivery: WebhookDelivery }>('POST', '/alerts/webhook/test');
export const listDeliveries = () => request<{ deliveries: WebhookDelivery[] }>('GET', '/alerts/deliveries');
