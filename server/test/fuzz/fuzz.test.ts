import { describe, expect, it } from 'vitest';
import { runFuzz } from './run.js';

describe('fuzz and fault suite (bounded for CI)', () => {
  it('survives seeded random, mutated, oversized and deep input on the sync socket and every JSON route', async () => {
    const report = await runFuzz({ seed: 20261130, syncMs: 7_000, routesMs: 6_000 });
    expect(report.sync.frames).toBeGreaterThan(100);
    expect(report.routes.requests).toBeGreaterThan(20);
    expect(report.crashed).toBe(false);
    expect(report.internalErrors).toBe(0);
    expect(report.sync.outcomes['no answer'] ?? 0).toBe(0);
    expect(report.routes.failures).toBe(0);
    expect(report.routes.serverErrors, report.serverLog).toEqual([]);
    expect(report.healthChecks).toBeGreaterThan(10);
    expect(report.healthFailures).toBe(0);
    expect(report.witnessIntact).toBe(true);
    const level = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external;
    expect(level(report.memoryAfter)).toBeLessThanOrEqual(1.2 * level(report.memoryBefore));
  }, 90_000);
});
