/**
 * `pnpm fuzz [seconds] [seed]`: the fuzz and fault suite run longer than in CI; prints its counts as JSON and
 * exits non-zero when the server crashed, logged an internal error, failed a health check, answered 5xx, let the
 * witness document change or did not return near its memory level.
 */
import { runFuzz } from './run.js';

const seconds = Number(process.argv[2] ?? 120);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const report = await runFuzz({ seed, syncMs: (seconds * 1000) / 2, routesMs: (seconds * 1000) / 2 });
const level = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
const summary = {
  seed,
  framesTried: report.sync.frames,
  connections: report.sync.connections,
  framesByKind: report.sync.byKind,
  connectionOutcomes: report.sync.outcomes,
  requests: report.routes.requests,
  routes: report.routes.routes,
  bodiesByKind: report.routes.byKind,
  statuses: report.routes.statuses,
  serverErrors: report.routes.serverErrors,
  requestFailures: report.routes.failures,
  crashes: report.crashed ? 1 : 0,
  internalErrors: report.internalErrors,
  healthChecks: report.healthChecks,
  healthFailures: report.healthFailures,
  witnessIntact: report.witnessIntact,
  memoryMiB: {
    rssBefore: +(report.memoryBefore.rss / 2 ** 20).toFixed(1),
    rssAfter: +(report.memoryAfter.rss / 2 ** 20).toFixed(1),
    heapAndExternalBefore: +(level(report.memoryBefore) / 2 ** 20).toFixed(1),
    heapAndExternalAfter: +(level(report.memoryAfter) / 2 ** 20).toFixed(1),
  },
};
console.log(JSON.stringify(summary, null, 2));
const ok =
  !report.crashed &&
  report.internalErrors === 0 &&
  report.healthFailures === 0 &&
  report.routes.serverErrors.length === 0 &&
  report.witnessIntact &&
  level(report.memoryAfter) <= 1.2 * level(report.memoryBefore);
process.exit(ok ? 0 : 1);
