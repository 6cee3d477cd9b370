import { and, eq, isNull } from 'drizzle-orm';
import { SHANGHAI_OFFSET_MS, shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../../deps.js';
import { enterpriseWebhooks, webhookDeliveries } from '../../db/schema/index.js';
import { deliverDueWebhooks, enqueueMessage } from '../webhooks/queue.js';
import { loadWeeklyFacts } from './facts.js';
import { addDays, buildWeeklySummary, mondayOf, weeklySummaryTitle } from './summary.js';

/** Summaries go out from Monday 09:00 Asia/Shanghai. */
export const WEEKLY_SUMMARY_HOUR = 9;
const HOUR_MS = 3600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;

/** Milliseconds from `now` to the next Monday 09:00 Asia/Shanghai (a full week when it is that instant). */
export function msToWeeklySummary(now: Date): number {
  const monday = mondayOf(shanghaiDate(now));
  const due = new Date(`${monday}T00:00:00Z`).getTime() - SHANGHAI_OFFSET_MS + WEEKLY_SUMMARY_HOUR * HOUR_MS;
  const wait = due - now.getTime();
  return wait > 0 ? wait : wait + WEEK_MS;
}

/** The week to summarize on `now`: last Monday…Sunday once this Monday's 09:00 has passed, else null. */
export function weekToSummarize(now: Date): { weekStart: string; today: string } | null {
  const today = shanghaiDate(now);
  const monday = mondayOf(today);
  const shanghaiHour = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  if (today === monday && shanghaiHour < WEEKLY_SUMMARY_HOUR) return null;
  return { weekStart: addDays(monday, -7), today };
}

const running = new WeakMap<object, Promise<number>>();

/**
 * Queues last week's summary for every enterprise with a robot that has not had it yet (idempotent per week: the
 * delivery log is the record, keyed by the week in the title) and delivers them. Returns how many were queued.
 */
export function sendWeeklySummaries(deps: AppDeps): Promise<number> {
  const previous = running.get(deps.database) ?? Promise.resolve(0);
  const pass = previous.catch(() => 0).then(() => queueSummaries(deps));
  running.set(deps.database, pass);
  return pass;
}

async function queueSummaries(deps: AppDeps): Promise<number> {
  const week = weekToSummarize(deps.now());
  if (!week) return 0;
  const { db } = deps.database;
  const title = weeklySummaryTitle(week.weekStart, addDays(week.weekStart, 6));
  let queued = 0;
  for (const { enterpriseId } of await db
    .select({ enterpriseId: enterpriseWebhooks.enterpriseId })
    .from(enterpriseWebhooks)) {
    const [sent] = await db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.enterpriseId, enterpriseId),
          isNull(webhookDeliveries.alertId),
          eq(webhookDeliveries.title, title),
        ),
      )
      .limit(1);
    if (sent) continue;
    const facts = await loadWeeklyFacts(db, enterpriseId, week.weekStart, week.today);
    if (!facts) continue;
    if (await enqueueMessage(deps, enterpriseId, { alertId: null, ...buildWeeklySummary(facts) })) queued++;
  }
  if (queued > 0) await deliverDueWebhooks(deps);
  return queued;
}
