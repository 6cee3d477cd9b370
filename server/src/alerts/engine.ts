import { shanghaiDate } from '@anguan/standards';
import type { AppDeps } from '../deps.js';
import { projects } from '../db/schema/index.js';
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

/** Projects per slice of a full pass (their reads, and their writes in one transaction); turns in between. */
const SLICE = 500;
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
  return serialized(deps, () => runPass(deps, [projectId], deps.now()));
}

/**
 * One full pass over every project (the schedule and the benchmark), set-based: for each slice of {@link SLICE}
 * projects, each kind of fact, the stored alerts, their recipients and the automatic failures are read with one
 * grouped query each; the rules run in memory; the differences are written in one transaction. Slices (rather
 * than one query per kind over the whole province) bound how long any one synchronous step holds the server.
 */
export function evaluateAllAlerts(deps: AppDeps): Promise<PassReport> {
  return serialized(deps, async () => {
    const now = deps.now();
    const ids = await deps.database.db.select({ id: projects.id }).from(projects).orderBy(projects.id);
    // Every account once for the whole pass (the accounts table has no index by project to read a slice's).
    const directory = await RecipientDirectory.load(deps.database.db, null, []);
    const total: PassReport = { created: 0, updated: 0, resolved: 0, failures: 0 };
    for (let i = 0; i < ids.length; i += SLICE) {
      const report = await runPass(
        deps,
        ids.slice(i, i + SLICE).map((r) => r.id),
        now,
        directory,
      );
      total.created += report.created;
      total.updated += report.updated;
      total.resolved += report.resolved;
      total.failures += report.failures;
    }
    return total;
  });
}

async function runPass(
  deps: AppDeps,
  scope: PassScope,
  now: Date,
  directory?: RecipientDirectory,
): Promise<PassReport> {
  const { db } = deps.database;
  const today = shanghaiDate(now);
  const report: PassReport = { created: 0, updated: 0, resolved: 0, failures: 0 };
  await yieldToLoop();
  const scoped = await loadScopedFacts(db, scope, today);
  if (scoped.size === 0) return report;
  await yieldToLoop();
  const places = [...scoped.values()].map((s) => s.place);
  const ctx: PlanContext = {
    directory: directory ?? (await RecipientDirectory.load(db, scope, places)),
    openRecipients: await openAlertRecipients(db, scope),
    now,
  };
  await yieldToLoop();
  const stored = await loadStoredAlerts(db, scope);
  await yieldToLoop();
  const ledger = await FailureLedger.load(db, scope);
  const entries = [...scoped.values()];
  for (let i = 0; i < entries.length; i += SLICE) {
    await yieldToLoop();
    const chunk = await writeChunk(deps, entries.slice(i, i + SLICE), { ctx, stored, ledger, today, now });
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
