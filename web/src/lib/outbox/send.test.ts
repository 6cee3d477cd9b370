import { describe, expect, it } from 'vitest';
import { outcomeOf } from './send';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('outcomeOf', () => {
  it('counts any 2xx as sent', async () => {
    expect(await outcomeOf(new Response(null, { status: 204 }))).toEqual({ kind: 'sent' });
    expect(await outcomeOf(json(201, {}))).toEqual({ kind: 'sent' });
  });

  it('retries when signed out, rate-limited or the server failed', async () => {
    for (const status of [401, 408, 429, 500, 503]) {
      expect((await outcomeOf(json(status, {}))).kind, String(status)).toBe('retry');
    }
  });

  it('gives up on other client errors with the server’s Chinese message', async () => {
    const outcome = await outcomeOf(json(415, { error: { code: 'unsupported_type', message: '只能上传 JPEG、PNG、WebP 或 PDF 文件' } }));
    expect(outcome).toEqual({ kind: 'rejected', reason: '只能上传 JPEG、PNG、WebP 或 PDF 文件' });
  });

  it('still explains a refusal without a JSON body', async () => {
    expect(await outcomeOf(new Response('nope', { status: 403 }))).toEqual({ kind: 'rejected', reason: '服务器返回 403' });
  });
});
