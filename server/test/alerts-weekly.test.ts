import { afterEach, describe, expect, it } from 'vitest';
import { AlertScheduler, evaluateAllAlerts } from '../src/alerts/index.js';
import { saveWebhookSettings } from '../src/alerts/webhooks/settings.js';
import { msToWeeklySummary, sendWeeklySummaries } from '../src/alerts/weekly/send.js';
import type { AppDeps } from '../src/deps.js';
import { alertWorld, shanghai, type AlertWorld } from './alert-fixtures.js';
import { startReceiver } from './webhook-receiver.js';

let world: AlertWorld | null = null;
let scheduler: AlertScheduler | null = null;
let receiver: Awaited<ReturnType<typeof startReceiver>> | null = null;
afterEach(async () => {
  await scheduler?.close();
  await receiver?.close();
  world?.dispose();
  scheduler = null;
  receiver = null;
  world = null;
});

async function until<T>(read: () => T, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A world whose enterprise has a 企业微信 robot on a local receiver and one completed project (an R1 alert). */
async function worldWithRobot(start: Date): Promise<{ w: AlertWorld; deps: AppDeps }> {
  world = await alertWorld(start);
  receiver = await startReceiver();
  const deps: AppDeps = { ...world.deps, config: { ...world.deps.config, allowLoopbackWebhooks: true } };
  await world.addProject({ status: 'completed', completionFilingDate: '2026-11-20' });
  await evaluateAllAlerts(deps);
  await saveWebhookSettings(deps, world.ids.enterprise, {
    kind: 'wecom',
    url: `${receiver.url}/cgi-bin/webhook/send?key=k`,
  });
  return { w: world, deps };
}

describe('weekly summary (安全周报)', () => {
  it('goes out from Monday 09:00 Asia/Shanghai, once per week, in 企业微信 markdown', async () => {
    const { w, deps } = await worldWithRobot(shanghai('2026-11-30', '08:59:59'));
    expect(await sendWeeklySummaries(deps)).toBe(0);
    w.clock.now = shanghai('2026-11-30', '09:00:00');
    expect(await sendWeeklySummaries(deps)).toBe(1);
    const [message] = await until(
      () => receiver!.received,
      (r) => r.length === 1,
    );
    expect(message!.body).toEqual({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
    const content = message!.body.markdown.content as string;
    expect(content).toContain('### 安管安全周报（2026-11-23 至 2026-11-29）');
    expect(content).toContain('**江苏安建建设集团有限公司**');
    expect(content).toContain('- 竣工未终止监督：1 条');
    expect(content).toContain('本周新增 0 条');

    w.clock.now = shanghai('2026-12-02', '15:00:00');
    expect(await sendWeeklySummaries(deps)).toBe(0);
    w.clock.now = shanghai('2026-12-07', '09:30:00');
    expect(await sendWeeklySummaries(deps)).toBe(1);
    await until(
      () => receiver!.received,
      (r) => r.length === 2,
    );
    expect(receiver!.received[1]!.body.markdown.content).toContain('（2026-11-30 至 2026-12-06）');
  });

  it('is sent by the alert scheduler when the server runs past Monday 09:00 without having sent it', async () => {
    const { deps } = await worldWithRobot(shanghai('2026-12-01', '10:00:00'));
    scheduler = new AlertScheduler(deps, { intervalMs: 3600_000, debounceMs: 10 }).start();
    const [message] = await until(
      () => receiver!.received,
      (r) => r.length === 1,
    );
    expect(message!.body.markdown.content).toContain('安管安全周报（2026-11-23 至 2026-11-29）');
  });

  it('aims its timer at the next Monday 09:00 Asia/Shanghai', () => {
    expect(msToWeeklySummary(shanghai('2026-11-30', '08:59:00'))).toBe(60_000);
    expect(msToWeeklySummary(shanghai('2026-11-30', '09:00:00'))).toBe(7 * 24 * 3600_000);
    expect(msToWeeklySummary(shanghai('2026-11-29', '09:00:00'))).toBe(24 * 3600_000);
  });
});
