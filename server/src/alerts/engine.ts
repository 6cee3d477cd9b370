import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import { emitAlert } from './events.js';
import { loadScopedFacts, yieldToLoop, type PassScope, type ScopedFacts } from './pass/facts.js';
import { emptyFailurePlan, FailureLedger } from './pass/failures.js';
import { emptyPlan, planProject, type PlanContext, type StoredAlert } from './pass/plan.js';
import { openAlertRecipients, RecipientDirectory } from './pass/recipients.js';
import { loadStoredAlerts, writePlan } from './pass/write.js';
import { evaluateRules } from './rules/index.js';
import { enqueueAlertDeliveries } from './webhooks/queue.js';

export interface PassReport {
  created: number;
  updated: number;
  resolved: number;
  failures: number;
}

/** Projects per written chunk (one transaction each); the event loop gets a turn between chunks. */
const CHUNK = 500;
const NONE: ReadonlyMap<string, StoredAlert> = new Map();

// One pass at a time per database: a change-triggered pass and the timer's must not both insert the same alert,
// and a pass's one read of the stored alerts must not go stale while another writes.
const queues = new WeakMap<object, Promise<unknown>>();

function serialized<T>(deps: AppDeps, run: () => Promise<T>): Promise<T> {
  const previous = queues.get(deps.database) ?? Promise.resolve();
  const pass = previous.catch(() => undefined).then(run);
  queues.set(deps.database, pass);
  return pass;
}

/** Evaluates every rule for one project on the deps' clock and brings its alerts and automatic failures in line. */
export function evaluateProjectAlerts(deps: AppDeps, projectId: string): Promise<PassReport> {
  return serialized(deps, () => runPass(deps, [projectId]));
}

/**
 * One full pass over every project (the schedule and the benchmark), set-based: each kind of fact, the stored
 * alerts, their recipients and the automatic failures read once for all projects; the rules run in memory; the
 * differences written in batched statements, one transaction per chunk of projects.
 */
export function evaluateAllAlerts(deps: AppDeps): Promise<PassReport> {
  return serialized(deps, () => runPass(deps, null));
}

async function runPass(deps: AppDeps, scope: PassScope): Promise<PassReport> {
  const { db } = deps.database;
  const now = deps.now();
  const today = shanghaiDate(now);
  const report: PassReport = { created: 0, updated: 0, resolved: 0, failures: 0 };
  await yieldToLoop();
  const scoped = await loadScopedFacts(db, scope, today);
  if (scoped.size === 0) return report;
  await yieldToLoop();
  const places = [...scoped.values()].map((s) => s.place);
  const ctx: PlanContext = {
    directory: await RecipientDirectory.load(db, scope, places),
    openRecipients: await openAlertRecipients(db, scope),
    now,
  };
  await yieldToLoop();
  const stored = await loadStoredAlerts(db, scope);
  await yieldToLoop();
  const ledger = await FailureLedger.load(db, scope);
  const entries = [...scoped.values()];
  for (let i = 0; i < entries.length; i += CHUNK) {
    await yieldToLoop();
    const chunk = await writeChunk(deps, entries.slice(i, i + CHUNK), { ctx, stored, ledger, today, now });
    report.created += chunk.created;
    report.updated += chunk.updated;
    report.resolved += chunk.resolved;
    report.failures += chunk.failures;
  }
  return report;
}

interface ChunkInput {
  readonly ctx: PlanContext;
  readonly stored: ReadonlyMap<string, ReadonlyMap<string, StoredAlert>>;
  readonly ledger: FailureLedger;
  readonly today: string;
  readonly now: Date;
}

async function writeChunk(
  deps: AppDeps,
  entries: readonly ScopedFacts[],
  input: ChunkInput,
): Promise<PassReport> {
  const plan = emptyPlan();
  const failures = emptyFailurePlan();
  for (const { facts, place } of entries) {
    const result = evaluateRules(facts, input.today);
    planProject(plan, place, result.alerts, input.stored.get(place.id) ?? NONE, input.ctx);
    input.ledger.plan(failures, place.id, result.failures, input.today, input.now);
  }
  writePlan(deps.database.db, plan, failures, input.now);
  // Announced once the chunk is written: a client reloading on the event sees resolutions of the same pass too.
  for (const { event } of plan.announcements) emitAlert(event);
  await enqueueAlertDeliveries(
    deps,
    plan.announcements.flatMap(({ enterpriseId, event, draft }) =>
      enterpriseId ? [{ enterpriseId, alertId: event.alertId, alert: draft }] : [],
    ),
  );
  const { created, updated, resolved } = plan;
  return { created, updated, resolved, failures: failures.inserts.length };
}
