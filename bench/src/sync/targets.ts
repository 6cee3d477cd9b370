/**
 * The benchmark's targets (issue 4, "Benchmark"), checked against the better baseline for each metric:
 * latency and delivered throughput no worse, memory per idle connected document no more, cold load of the
 * 10,000-update document at least 2× faster than both. Tolerances absorb run-to-run noise on a shared machine and
 * are printed with every verdict.
 *
 * @module
 */
import type { ColdResult } from './scenario-cold.js';
import type { IdleResult } from './scenario-idle.js';
import type { LoadResult, PhaseResult } from './scenario-load.js';
import { isBaseline, type ServerKind } from './servers.js';

/** Everything measured for one server. */
export interface ServerResults {
  readonly kind: ServerKind;
  readonly label: string;
  /** Median over {@link loadRounds}. */
  load?: LoadResult;
  loadRounds?: LoadResult[];
  idle?: IdleResult;
  cold?: ColdResult;
  readonly errors: string[];
}

/** Latency may exceed the better baseline by this fraction or {@link LATENCY_SLACK_MS}, whichever is larger. */
export const LATENCY_TOLERANCE = 0.1;
export const LATENCY_SLACK_MS = 0.5;
/** The share of expected deliveries seen may fall short of the better baseline by this much (absolute). */
export const DELIVERY_TOLERANCE = 0.02;
/**
 * Capacity (delivered updates per second of server CPU) may fall short of the better baseline by this fraction. At
 * an offered rate every server keeps up, so delivered/s alone cannot rank them; capacity says how far each could go.
 */
export const CAPACITY_TOLERANCE = 0.1;
/** Idle memory per document may exceed the better baseline by this fraction (RSS is coarse). */
export const MEMORY_TOLERANCE = 0.1;
/** Cold load must be at least this many times faster than each baseline. */
export const COLD_SPEEDUP = 2;

export interface TargetVerdict {
  readonly target: string;
  readonly ours: number;
  /** The better baseline's value and which one it is. */
  readonly best: number;
  readonly bestKind: ServerKind;
  /** ours ÷ best. */
  readonly ratio: number;
  readonly met: boolean;
  readonly rule: string;
}

type Pick = (r: ServerResults) => number | undefined;

/** Lowest (or highest) baseline value of `pick`, ignoring baselines that did not produce it. */
function best(baselines: readonly ServerResults[], pick: Pick, higherIsBetter: boolean) {
  let found: { value: number; kind: ServerKind } | undefined;
  for (const baseline of baselines) {
    const value = pick(baseline);
    if (value === undefined || Number.isNaN(value)) continue;
    if (!found || (higherIsBetter ? value > found.value : value < found.value)) {
      found = { value, kind: baseline.kind };
    }
  }
  return found;
}

function verdict(
  target: string,
  ours: ServerResults,
  baselines: readonly ServerResults[],
  pick: Pick,
  higherIsBetter: boolean,
  allowed: (best: number) => number,
  rule: string,
): TargetVerdict | undefined {
  const value = pick(ours);
  const top = best(baselines, pick, higherIsBetter);
  if (value === undefined || Number.isNaN(value) || !top) return undefined;
  const limit = allowed(top.value);
  const met = higherIsBetter ? value >= limit : value <= limit;
  return { target, ours: value, best: top.value, bestKind: top.kind, ratio: value / top.value, met, rule };
}

/** Updates the server could deliver per second of its CPU time, from the measured CPU per delivery. */
export function capacityOf(phase: PhaseResult): number {
  return 1e6 / phase.serverCpuUsPerDelivery;
}

const latencyLimit = (b: number) => Math.max(b * (1 + LATENCY_TOLERANCE), b + LATENCY_SLACK_MS);
const LATENCY_RULE = `≤ better baseline +${LATENCY_TOLERANCE * 100} % (or +${LATENCY_SLACK_MS} ms)`;

/** Checks every target that both our server and at least one baseline produced. */
export function evaluateTargets(results: readonly ServerResults[]): TargetVerdict[] {
  const ours = results.find((r) => r.kind === 'anguan');
  const baselines = results.filter((r) => isBaseline(r.kind));
  if (!ours || baselines.length === 0) return [];
  const verdicts: (TargetVerdict | undefined)[] = [];
  const phases: [string, (l: LoadResult) => PhaseResult][] = [
    ['steady', (l) => l.steady],
    ['high rate', (l) => l.burst],
  ];
  for (const [name, phaseOf] of phases) {
    for (const p of ['p50', 'p95', 'p99'] as const) {
      const pick: Pick = (r) => (r.load ? phaseOf(r.load).latencyMs[p] : undefined);
      verdicts.push(
        verdict(`latency ${p} (${name})`, ours, baselines, pick, false, latencyLimit, LATENCY_RULE),
      );
    }
    const delivery: Pick = (r) => (r.load ? phaseOf(r.load).deliveryRatio : undefined);
    verdicts.push(
      verdict(
        `delivery ratio (${name})`,
        ours,
        baselines,
        delivery,
        true,
        (b) => b - DELIVERY_TOLERANCE,
        `≥ better baseline −${DELIVERY_TOLERANCE}`,
      ),
    );
  }
  verdicts.push(
    verdict(
      'capacity: delivered updates per server CPU-second (high rate)',
      ours,
      baselines,
      (r) => (r.load ? capacityOf(r.load.burst) : undefined),
      true,
      (b) => b * (1 - CAPACITY_TOLERANCE),
      `≥ better baseline −${CAPACITY_TOLERANCE * 100} %`,
    ),
  );
  const memoryRule = `≤ better baseline +${MEMORY_TOLERANCE * 100} %`;
  const memoryLimit = (b: number) => b * (1 + MEMORY_TOLERANCE);
  verdicts.push(
    verdict(
      'memory per idle connected doc (RSS)',
      ours,
      baselines,
      (r) => r.idle?.perDocKiB,
      false,
      memoryLimit,
      memoryRule,
    ),
    verdict(
      'cross-check: JS heap + buffers per idle doc',
      ours,
      baselines,
      (r) => r.idle?.heapPerDocKiB,
      false,
      memoryLimit,
      memoryRule,
    ),
  );
  verdicts.push(
    verdict(
      'cold load, server part: connect → step 2 arrived',
      ours,
      baselines,
      (r) => r.cold?.medianStep2Ms,
      false,
      (b) => b / COLD_SPEEDUP,
      `≤ fastest baseline ÷ ${COLD_SPEEDUP}`,
    ),
  );
  verdicts.push(
    verdict(
      'cross-check: server CPU per cold load',
      ours,
      baselines,
      (r) => r.cold?.medianServerCpuMs,
      false,
      (b) => b / COLD_SPEEDUP,
      `≤ lowest baseline ÷ ${COLD_SPEEDUP}`,
    ),
  );
  verdicts.push(
    verdict(
      `cold load (${ours.cold?.updates ?? 10_000} updates): connect → synced`,
      ours,
      baselines,
      (r) => r.cold?.medianMs,
      false,
      (b) => b / COLD_SPEEDUP,
      `≤ fastest baseline ÷ ${COLD_SPEEDUP}`,
    ),
  );
  return verdicts.filter((v): v is TargetVerdict => v !== undefined);
}

/** One cold-load measure set against the floor: what a server doing no work gets, and what ours gets. */
export interface FloorComparison {
  readonly measure: string;
  readonly floor: number;
  readonly ours: number | undefined;
  readonly fastest: number;
  readonly fastestKind: ServerKind;
  /** floor ÷ fastest baseline: at or above 1 ÷ {@link COLD_SPEEDUP}, no server can meet the target on this machine. */
  readonly floorRatio: number;
  readonly reachable: boolean;
}

/**
 * How close to the fastest baseline a server that does nothing gets (`floor-server.ts`), per cold-load measure.
 * When even the floor is slower than half the fastest baseline, the ÷2 target is out of every server's reach in
 * that run: what remains is the socket handshake and the client applying the state.
 */
export function coldFloor(results: readonly ServerResults[]): FloorComparison[] {
  const floor = results.find((r) => r.kind === 'floor')?.cold;
  const ours = results.find((r) => r.kind === 'anguan')?.cold;
  const baselines = results.filter((r) => isBaseline(r.kind));
  if (!floor) return [];
  const measures: [string, (c: ColdResult) => number][] = [
    ['connect → synced', (c) => c.medianMs],
    ['connect → step 2 arrived', (c) => c.medianStep2Ms],
  ];
  const comparisons: FloorComparison[] = [];
  for (const [measure, of] of measures) {
    const top = best(baselines, (r) => (r.cold ? of(r.cold) : undefined), false);
    if (!top) continue;
    const floorRatio = of(floor) / top.value;
    comparisons.push({
      measure,
      floor: of(floor),
      ours: ours ? of(ours) : undefined,
      fastest: top.value,
      fastestKind: top.kind,
      floorRatio,
      reachable: floorRatio <= 1 / COLD_SPEEDUP,
    });
  }
  return comparisons;
}
