import { describe, expect, it } from 'vitest';
import type { LoadResult, PhaseResult } from './scenario-load.js';
import { summarize } from './stats.js';
import { evaluateTargets, type ServerResults } from './targets.js';

function phase(latency: number, delivered: number): PhaseResult {
  return {
    latencyMs: summarize([latency]),
    sentPerS: delivered / 7,
    deliveredPerS: delivered,
    deliveryRatio: delivered / 1000,
    skippedWrites: 0,
    serverCpuPct: 10,
    serverCpuUsPerDelivery: 1e5 / delivered,
    clientCpuPct: 10,
    serverRssPeakMiB: 60,
  };
}

function server(
  kind: ServerResults['kind'],
  latency: number,
  delivered: number,
  perDocKiB: number,
  coldMs: number,
) {
  const load = { steady: phase(latency, delivered), burst: phase(latency, delivered) } as LoadResult;
  return {
    kind,
    label: kind,
    load,
    idle: {
      docs: 100,
      rssBeforeMiB: 0,
      rssAfterMiB: 0,
      perDocKiB,
      heapPerDocKiB: perDocKiB,
      connectFailures: 0,
    },
    cold: { updates: 10_000, medianMs: coldMs } as ServerResults['cold'],
    errors: [],
  } satisfies ServerResults;
}

describe('evaluateTargets', () => {
  it('compares ours with the better baseline of each metric', () => {
    const verdicts = evaluateTargets([
      server('anguan', 2.0, 1000, 40, 11),
      server('ywss', 1.9, 1000, 50, 25),
      server('hocuspocus', 3.0, 990, 60, 21),
    ]);
    const byName = new Map(verdicts.map((v) => [v.target, v]));
    expect(byName.get('latency p50 (steady)')).toMatchObject({ best: 1.9, bestKind: 'ywss', met: true });
    expect(byName.get('memory per idle connected doc (RSS)')).toMatchObject({ best: 50, met: true });
    expect(byName.get('cold load (10000 updates): connect → synced')).toMatchObject({
      best: 21,
      bestKind: 'hocuspocus',
      met: false,
    });
  });

  it('fails latency beyond the tolerance and throughput below it', () => {
    const verdicts = evaluateTargets([server('anguan', 5, 800, 40, 5), server('ywss', 2, 1000, 50, 25)]);
    expect(verdicts.find((v) => v.target === 'latency p99 (high rate)')?.met).toBe(false);
    expect(verdicts.find((v) => v.target === 'delivery ratio (steady)')?.met).toBe(false);
    expect(verdicts.find((v) => v.target.startsWith('capacity'))?.met).toBe(false);
    expect(verdicts.find((v) => v.target.startsWith('cold load'))?.met).toBe(true);
  });

  it('evaluates nothing without our server', () => {
    expect(evaluateTargets([server('ywss', 1, 1, 1, 1)])).toEqual([]);
  });
});
