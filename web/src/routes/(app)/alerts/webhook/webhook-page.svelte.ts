/**
 * State of 推送设置 (the director's 企业微信 / 钉钉 group robot): the form, the saved settings, test send and the
 * delivery log.
 *
 * @module
 */
import { alertsApi, ApiError } from '$lib/api';
import type { WebhookDelivery, WebhookKind, WebhookSettings } from '$lib/api/alerts';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { handleError } from '$lib/utils/handle-error';

export type WebhookPhase = 'loading' | 'ready' | 'error';

export const KIND_LABELS: Record<WebhookKind, string> = {
  wecom: '企业微信群机器人',
  dingtalk: '钉钉群机器人',
};

export class WebhookPage {
  phase = $state<WebhookPhase>('loading');
  loadError = $state<string | null>(null);
  saved = $state<WebhookSettings | null>(null);
  deliveries = $state<WebhookDelivery[]>([]);
  kind = $state<WebhookKind>('wecom');
  url = $state('');
  /** Typed only to change it; the stored one is never shown. */
  secret = $state('');
  urlError = $state<string | null>(null);
  busy = $state<'save' | 'test' | 'delete' | null>(null);

  async load(): Promise<void> {
    this.phase = 'loading';
    try {
      const [{ webhook }, { deliveries }] = await Promise.all([
        alertsApi.getWebhook(),
        alertsApi.listDeliveries(),
      ]);
      this.#showSaved(webhook);
      this.deliveries = deliveries;
      this.phase = 'ready';
    } catch (error) {
      this.loadError = handleError(error, '加载推送设置失败') ?? null;
      this.phase = 'error';
    }
  }

  async save(): Promise<void> {
    this.urlError = /^https:\/\//i.test(this.url.trim()) ? null : 'Webhook 地址必须以 https:// 开头';
    if (this.urlError) return;
    this.busy = 'save';
    try {
      const secret = this.kind === 'dingtalk' && this.secret.trim() ? { secret: this.secret.trim() } : {};
      const { webhook } = await alertsApi.saveWebhook({ kind: this.kind, url: this.url.trim(), ...secret });
      this.#showSaved(webhook);
      toastManager.success('推送设置已保存');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid_webhook_url') this.urlError = error.message;
      else handleError(error, '保存推送设置失败');
    } finally {
      this.busy = null;
    }
  }

  async remove(): Promise<void> {
    this.busy = 'delete';
    try {
      await alertsApi.deleteWebhook();
      this.#showSaved(null);
      toastManager.success('已停用群机器人推送');
    } catch (error) {
      handleError(error, '停用推送失败');
    } finally {
      this.busy = null;
    }
  }

  /** Sends a test message now and shows its outcome at the top of the log. */
  async test(): Promise<void> {
    this.busy = 'test';
    try {
      const { delivery } = await alertsApi.testWebhook();
      this.deliveries = [delivery, ...this.deliveries.filter((d) => d.id !== delivery.id)];
      if (delivery.status === 'sent') toastManager.success('测试消息已发送，请在群里查看');
      else toastManager.error(`测试消息发送失败：${delivery.lastError ?? '未知原因'}`);
    } catch (error) {
      handleError(error, '发送测试消息失败');
    } finally {
      this.busy = null;
    }
  }

  #showSaved(webhook: WebhookSettings | null): void {
    this.saved = webhook;
    this.kind = webhook?.kind ?? 'wecom';
    this.url = webhook?.url ?? '';
    this.secret = '';
  }
}
