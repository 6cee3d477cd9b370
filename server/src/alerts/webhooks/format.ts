import { createHmac } from 'node:crypto';

export type WebhookKind = 'wecom' | 'dingtalk';

/** The robot's JSON body: 企业微信 `markdown.content`; 钉钉 `markdown.title` + `markdown.text`. */
export function webhookBody(kind: WebhookKind, title: string, text: string): unknown {
  if (kind === 'wecom') return { msgtype: 'markdown', markdown: { content: text } };
  return { msgtype: 'markdown', markdown: { title, text } };
}

/** 钉钉 加签: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), url-encoded, added with the timestamp. */
export function dingtalkSign(secret: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return encodeURIComponent(digest);
}

/** The URL to post to: the configured one, signed for 钉钉 when it has a secret. */
export function webhookTarget(kind: WebhookKind, url: string, secret: string | null, now: Date): string {
  if (kind !== 'dingtalk' || !secret) return url;
  const timestamp = now.getTime();
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingtalkSign(secret, timestamp)}`;
}

/** The markdown text of an alert message (both robots render a subset of markdown). */
export function alertMarkdown(alert: {
  title: string;
  body: string;
  level: string;
  link: string | null;
}): string {
  const heading = alert.level === 'critical' ? '### 【严重预警】' : '### 【预警】';
  const link = alert.link ? `\n\n[在安管中查看](${alert.link})` : '';
  return `${heading}${alert.title}\n\n${alert.body}${link}`;
}
