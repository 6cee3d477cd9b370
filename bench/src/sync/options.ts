/**
 * Command-line options of `pnpm bench:sync`. Every count and duration is bounded, so no flag can turn the benchmark
 * into an unbounded load generator.
 *
 * @module
 */
import type { ColdParams } from './scenario-cold.js';
import type { IdleParams } from './scenario-idle.js';
import type { LoadParams } from './scenario-load.js';
import { SERVER_KINDS, type ServerKind } from './servers.js';

export const SCENARIOS = ['load', 'idle', 'cold'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface BenchOptions {
  readonly quick: boolean;
  readonly servers: readonly ServerKind[];
  readonly scenarios: readonly Scenario[];
  /** Interleaved rounds of the load scenario (all servers, then again); each metric is the median over rounds. */
  readonly rounds: number;
  readonly load: LoadParams;
  readonly idle: IdleParams;
  readonly cold: ColdParams;
  /** Write `bench/results/<date>-sync.{json,md}` and `latest-sync.md`. */
  readonly write: boolean;
  /** Run our server with `--cpu-prof` and keep the profiles under `bench/results/profiles/`. */
  readonly cpuProf: boolean;
  /**
   * Scheduling niceness for the benchmark's own processes (servers, workers, driver), -20..19. 0 leaves them as
   * they are; a negative value (root only) shields the measurement from other work on a shared machine.
   */
  readonly nice: number;
  /** Run our server as committed at this git ref (see `anguan-tree.ts`) instead of the working tree. */
  readonly anguanRef: string | null;
}

export const USAGE = `pnpm bench:sync [--quick] [--servers anguan,ywss,hocuspocus,floor] [--scenarios load,idle,cold]
  [--docs N] [--clients N]
  [--rate N] [--steady-s N] [--burst-rate N] [--burst-s N] [--idle-docs N] [--updates N] [--reps N]
  [--rounds N] [--workers N] [--unload-wait-ms N] [--anguan-ref REF] [--nice N] [--cpu-prof] [--no-write]`;

const FULL = {
  rounds: 3,
  load: {
    docs: 40,
    clientsPerDoc: 8,
    ratePerWriter: 5,
    steadyMs: 10_000,
    burstRatePerWriter: 50,
    burstMs: 6_000,
    workers: 2,
    fullReceiversPerDoc: 1,
  },
  idle: { docs: 400, seedEntries: 20, workers: 2 },
  cold: { updates: 10_000, repetitions: 21, unloadWaitMs: 2_000 },
};

const QUICK = {
  rounds: 1,
  load: { ...FULL.load, docs: 10, clientsPerDoc: 5, steadyMs: 4_000, burstMs: 2_000 },
  idle: { ...FULL.idle, docs: 100 },
  cold: { ...FULL.cold, repetitions: 3 },
};

/** Parses an integer flag within [min, max]. */
function bounded(name: string, raw: string | undefined, min: number, max: number): number {
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got ${raw}\n${USAGE}`);
  }
  return value;
}

/** Parses `argv` (without node and script); throws with the usage text on a bad flag. */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    const name = arg.slice(2);
    if (['quick', 'cpu-prof', 'no-write', 'help'].includes(name)) switches.add(name);
    else flags.set(name, argv[++i] ?? '');
  }
  if (switches.has('help')) throw new Error(USAGE);
  const base = switches.has('quick') ? QUICK : FULL;
  const num = (name: string, fallback: number, min: number, max: number): number =>
    flags.has(name) ? bounded(name, flags.get(name), min, max) : fallback;
  const servers = (flags.get('servers') ?? SERVER_KINDS.join(',')).split(',') as ServerKind[];
  for (const kind of servers) {
    if (!SERVER_KINDS.includes(kind)) throw new Error(`unknown server ${kind}\n${USAGE}`);
  }
  const scenarios = (flags.get('scenarios') ?? SCENARIOS.join(',')).split(',') as Scenario[];
  for (const scenario of scenarios) {
    if (!SCENARIOS.includes(scenario)) throw new Error(`unknown scenario ${scenario}\n${USAGE}`);
  }
  for (const name of flags.keys()) {
    const known = [
      'servers',
      'scenarios',
      'docs',
      'clients',
      'rate',
      'steady-s',
      'burst-rate',
      'burst-s',
      'idle-docs',
    ];
    if (
      ![...known, 'updates', 'reps', 'workers', 'unload-wait-ms', 'nice', 'rounds', 'anguan-ref'].includes(
        name,
      )
    ) {
      throw new Error(`unknown flag --${name}\n${USAGE}`);
    }
  }
  const workers = num('workers', base.load.workers, 1, 8);
  return {
    quick: switches.has('quick'),
    servers,
    scenarios,
    rounds: num('rounds', base.rounds, 1, 5),
    write: !switches.has('no-write'),
    cpuProf: switches.has('cpu-prof'),
    anguanRef: flags.get('anguan-ref') || null,
    nice: flags.has('nice') ? bounded('nice', flags.get('nice'), -20, 19) : 0,
    load: {
      ...base.load,
      docs: num('docs', base.load.docs, 1, 500),
      clientsPerDoc: num('clients', base.load.clientsPerDoc, 2, 50),
      ratePerWriter: num('rate', base.load.ratePerWriter, 1, 100),
      steadyMs: num('steady-s', base.load.steadyMs / 1000, 1, 120) * 1000,
      burstRatePerWriter: num('burst-rate', base.load.burstRatePerWriter, 1, 500),
      burstMs: num('burst-s', base.load.burstMs / 1000, 1, 60) * 1000,
      workers,
    },
    idle: { ...base.idle, docs: num('idle-docs', base.idle.docs, 10, 2000), workers },
    cold: {
      ...base.cold,
      updates: num('updates', base.cold.updates, 100, 50_000),
      repetitions: num('reps', base.cold.repetitions, 1, 50),
      unloadWaitMs: num('unload-wait-ms', base.cold.unloadWaitMs, 0, 60_000),
    },
  };
}
