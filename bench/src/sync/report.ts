/**
 * Turns the results into the Markdown summary (`bench/results/*-sync.md`, also printed): one column per server,
 * ours ÷ the better baseline, then the target verdicts.
 *
 * @module
 */
import type { BenchOptions } from './options.js';
import { median } from './stats.js';
import type { LoadResult, PhaseResult } from './scenario-load.js';
import { isBaseline } from './servers.js';
import { capacityOf, coldFloor, type ServerResults, type TargetVerdict } from './targets.js';

/** Facts about the run that change how its numbers read. */
export interface RunInfo {
  readonly startedAt: string;
  readonly durationS: number;
  readonly node: string;
  readonly cpus: number;
  /** 1-minute load average at start and end (other work on the machine shows here). */
  readonly loadAverage: readonly [number, number];
  readonly commit: string;
  /** Uncommitted changes under server/ and packages/ when the run started (ours ran from the working tree). */
  readonly dirty: boolean;
}

type Row = [
  label: string,
  pick: (r: ServerResults) => number | undefined,
  digits: number,
  lowerIsBetter: boolean,
];

const phaseRows = (name: string, of: (l: LoadResult) => PhaseResult): Row[] => [
  [`${name}: latency p50 (ms)`, (r) => r.load && of(r.load).latencyMs.p50, 1, true],
  [`${name}: latency p95 (ms)`, (r) => r.load && of(r.load).latencyMs.p95, 1, true],
  [`${name}: latency p99 (ms)`, (r) => r.load && of(r.load).latencyMs.p99, 1, true],
  [`${name}: updates/s sent`, (r) => r.load && of(r.load).sentPerS, 0, false],
  [`${name}: updates/s delivered`, (r) => r.load && of(r.load).deliveredPerS, 0, false],
  [`${name}: delivery ratio`, (r) => r.load && of(r.load).deliveryRatio, 3, false],
  [`${name}: writes skipped (back-pressure)`, (r) => r.load && of(r.load).skippedWrites, 0, true],
  [`${name}: server CPU (% of a core)`, (r) => r.load && of(r.load).serverCpuPct, 0, true],
  [
    `${name}: server CPU per delivered update (µs)`,
    (r) => r.load && of(r.load).serverCpuUsPerDelivery,
    1,
    true,
  ],
  [`${name}: capacity, deliveries per server CPU-s`, (r) => r.load && capacityOf(of(r.load)), 0, false],
  [`${name}: server RSS peak (MiB)`, (r) => r.load && of(r.load).serverRssPeakMiB, 1, true],
  [`${name}: client CPU (% of a core)`, (r) => r.load && of(r.load).clientCpuPct, 0, true],
];

const ROWS: Row[] = [
  ['connections', (r) => r.load?.connections, 0, false],
  ['connect → synced p50 (ms)', (r) => r.load?.connectMs.p50, 1, true],
  ['connect → synced p95 (ms)', (r) => r.load?.connectMs.p95, 1, true],
  ['connect: server CPU per connection (ms)', (r) => r.load?.connectServerCpuMsPerConnection, 2, true],
  ...phaseRows('steady', (l) => l.steady),
  ...phaseRows('high rate', (l) => l.burst),
  ['idle docs connected', (r) => r.idle?.docs, 0, false],
  ['server RSS before the idle docs (MiB)', (r) => r.idle?.rssBeforeMiB, 1, true],
  ['server RSS with the idle docs (MiB)', (r) => r.idle?.rssAfterMiB, 1, true],
  ['memory per idle connected doc, RSS (KiB)', (r) => r.idle?.perDocKiB, 1, true],
  ['… of which JS heap + buffers (KiB)', (r) => r.idle?.heapPerDocKiB, 1, true],
  ['cold load → synced, median (ms)', (r) => r.cold?.medianMs, 1, true],
  ['cold load: socket open (ms)', (r) => r.cold?.medianOpenMs, 1, true],
  ['cold load: server part, → step 2 arrived (ms)', (r) => r.cold?.medianStep2Ms, 1, true],
  ['cold load: server CPU per load (ms)', (r) => r.cold?.medianServerCpuMs, 1, true],
  ['cold load: client applying step 2 (ms)', (r) => r.cold && median(r.cold.appliesMs), 1, true],
  ['cold load doc size (KiB)', (r) => r.cold && r.cold.docBytes / 1024, 1, true],
  ['cold load step 2 size (KiB)', (r) => r.cold && r.cold.step2Bytes / 1024, 1, true],
  ['ingest of the updates (ms)', (r) => r.cold?.ingestMs, 0, true],
];

function format(value: number | undefined, digits: number): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** The results table: one row per metric, one column per server, then ours ÷ better baseline. */
export function resultsTable(results: readonly ServerResults[]): string {
  const ours = results.find((r) => r.kind === 'anguan');
  const baselines = results.filter((r) => isBaseline(r.kind));
  const header = [
    'metric',
    ...results.map((r) => r.label),
    ...(ours && baselines.length ? ['ours ÷ better baseline'] : []),
  ];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ];
  for (const [label, pick, digits, lowerIsBetter] of ROWS) {
    if (results.every((r) => pick(r) === undefined)) continue;
    const cells = results.map((r) => format(pick(r), digits));
    if (ours && baselines.length) {
      const values = baselines.map(pick).filter((v): v is number => v !== undefined && !Number.isNaN(v));
      const bestValue = values.length
        ? lowerIsBetter
          ? Math.min(...values)
          : Math.max(...values)
        : undefined;
      const mine = pick(ours);
      cells.push(bestValue && mine !== undefined ? `${format(mine / bestValue, 2)}×` : '–');
    }
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The verdict table. */
export function targetsTable(verdicts: readonly TargetVerdict[]): string {
  if (verdicts.length === 0) return '_No targets evaluated (needs our server and at least one baseline)._';
  const lines = [
    '| target | ours | better baseline | ratio | rule | met |',
    '|---|---:|---:|---:|---|:---:|',
  ];
  for (const v of verdicts) {
    const digits = v.best < 10 ? 2 : 1;
    lines.push(
      `| ${v.target} | ${format(v.ours, digits)} | ${format(v.best, digits)} (${v.bestKind}) | ${format(v.ratio, 2)}× | ${v.rule} | ${v.met ? 'yes' : '**no**'} |`,
    );
  }
  return lines.join('\n');
}

/** What a server doing no work gets on this machine, against the fastest baseline (see `coldFloor`). */
export function floorTable(results: readonly ServerResults[]): string[] {
  const comparisons = coldFloor(results);
  if (comparisons.length === 0) return [];
  const lines = [
    '## Cold-load floor',
    '',
    'The floor server answers from bytes already in memory with no auth, storage or encoding: what is left is the ' +
      'socket handshake and the client applying the state. When the floor itself is slower than half the fastest ' +
      'baseline, no server can meet the ÷2 target in this run.',
    '',
    '| measure | floor | ours | fastest baseline | floor ÷ fastest | ÷2 reachable by any server |',
    '|---|---:|---:|---:|---:|:---:|',
  ];
  for (const c of comparisons) {
    lines.push(
      `| ${c.measure} | ${format(c.floor, 1)} | ${format(c.ours, 1)} | ${format(c.fastest, 1)} (${c.fastestKind}) | ${format(c.floorRatio, 2)}× | ${c.reachable ? 'yes' : '**no**'} |`,
    );
  }
  return ['', ...lines];
}

/** The whole Markdown report. */
export function markdownReport(
  info: RunInfo,
  options: BenchOptions,
  results: readonly ServerResults[],
  verdicts: readonly TargetVerdict[],
): string {
  const { load, idle, cold } = options;
  const errors = results.flatMap((r) => r.errors.map((e) => `- ${r.label}: ${e}`));
  return [
    `# Sync benchmark — ${info.startedAt}${options.quick ? ' (quick)' : ''}`,
    '',
    `Node ${info.node}, ${info.cpus} CPUs, load average ${info.loadAverage[0].toFixed(2)} → ${info.loadAverage[1].toFixed(2)}, ` +
      `commit ${info.commit}${info.dirty ? ' (server/packages with uncommitted changes)' : ''}, ${info.durationS.toFixed(0)} s${options.nice ? `, niceness ${options.nice}` : ''}.`,
    `Load: ${load.docs} docs × ${load.clientsPerDoc} clients (1 writer, ${load.fullReceiversPerDoc} full receiver, ` +
      `the rest light), ${load.ratePerWriter} updates/s per writer for ${load.steadyMs / 1000} s (steady), then ` +
      `${load.burstRatePerWriter}/s for ${load.burstMs / 1000} s (high rate); clients in ${load.workers} worker processes; ` +
      `${options.rounds} interleaved round(s), median per metric. ` +
      `Idle: ${idle.docs} docs with one client and ${idle.seedEntries} map entries each. ` +
      `Cold load: ${cold.updates} updates, median of ${cold.repetitions}; ours unloaded (from SQLite), baselines and the floor held in memory.`,
    'Ours runs with session-cookie auth and SQLite persistence; the baselines with neither.',
    '',
    resultsTable(results),
    '',
    '## Targets',
    '',
    targetsTable(verdicts),
    ...floorTable(results),
    ...(errors.length ? ['', '## Errors', '', ...errors] : []),
    '',
  ].join('\n');
}
