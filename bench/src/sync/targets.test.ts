import { describe, expect, it } from 'vitest';
import type { LoadResult, PhaseResult } from './scenario-load.js';
import { summarize } from './stats.js';
import { coldFloor, evaluateTargets, type ServerResults } from './targets.js';

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

describe('coldFloor', () => {
  const cold = (medianMs: number, medianStep2Ms: number) =>
    ({ updates: 10_000, medianMs, medianStep2Ms }) as ServerResults['cold'];
  const only = (kind: ServerResults['kind'], c: ServerResults['cold']): ServerResults => ({
    kind,
    label: kind,
    cold: c,
    errors: [],
  });

  it('says the target is out of reach when a server doing nothing is slower than half the fastest baseline', () => {
    const [synced, step2] = coldFloor([
      only('anguan', cold(18, 8)),
      only('ywss', cold(24, 13)),
      only('hocuspocus', cold(22, 14)),
      only('floor', cold(13, 5)),
    ]);
    expect(synced).toMatchObject({ floor: 13, ours: 18, fastest: 22, fastestKind: 'hocuspocus', reachable: false });
    expect(synced?.floorRatio).toBeCloseTo(13 / 22);
    expect(step2).toMatchObject({ floor: 5, fastest: 13, fastestKind: 'ywss', reachable: true });
  });

  it('is empty without the floor, and the floor is never taken for a baseline', () => {
    const results = [only('anguan', cold(10, 5)), only('ywss', cold(30, 20)), only('floor', cold(1, 1))];
    expect(coldFloor(results.slice(0, 2))).toEqual([]);
    const verdict = evaluateTargets(results).find((v) => v.target.startsWith('cold load ('));
    expect(verdict).toMatchObject({ bestKind: 'ywss', met: true });
  });
});
