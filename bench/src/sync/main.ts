/**
 * `pnpm bench:sync`: our sync server against @y/websocket-server and Hocuspocus, side by side in one run. Each
 * scenario runs against every server in turn, each on a freshly started process, so a busy moment on the machine
 * hits all of them alike. Results go to `bench/results/`.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOptions, type BenchOptions, type Scenario } from './options.js';
import { markdownReport, type RunInfo } from './report.js';
import { runCold } from './scenario-cold.js';
import { WARMUP_DOCS, runIdle } from './scenario-idle.js';
import { runLoad } from './scenario-load.js';
import { exportAnguan, type AnguanTree } from './anguan-tree.js';
import {
  REFERENCE_SCENARIOS,
  SERVER_LABELS,
  repoRoot,
  startServer,
  type ServerHandle,
  type ServerKind,
} from './servers.js';
import { medianMerge } from './stats.js';
import { evaluateTargets, type ServerResults } from './targets.js';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../results');

/** Connections a scenario holds at once, so ours can create enough users (each is capped). */
function connectionsOf(scenario: Scenario, options: BenchOptions): number {
  if (scenario === 'load') return options.load.docs * options.load.clientsPerDoc;
  if (scenario === 'idle') return options.idle.docs + WARMUP_DOCS;
  return 4;
}

let anguanTree: AnguanTree | null = null;

function start(kind: ServerKind, scenario: Scenario, options: BenchOptions): Promise<ServerHandle> {
  const nodeFlags =
    options.cpuProf && kind === 'anguan'
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(resultsDir, 'profiles')}`]
      : [];
  return startServer(kind, {
    nodeFlags,
    maxConnections: connectionsOf(scenario, options),
    nice: options.nice,
    ...(anguanTree ? { anguanRoot: anguanTree.root } : {}),
  });
}

async function withServer<T>(
  kind: ServerKind,
  scenario: Scenario,
  options: BenchOptions,
  body: (server: ServerHandle) => Promise<T>,
): Promise<T> {
  const server = await start(kind, scenario, options);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

async function runScenario(
  scenario: Scenario,
  results: ServerResults,
  options: BenchOptions,
  round: string,
): Promise<void> {
  const started = performance.now();
  process.stdout.write(`  ${scenario.padEnd(5)}${round} ${results.label} … `);
  try {
    await withServer(results.kind, scenario, options, async (server) => {
      if (scenario === 'load') (results.loadRounds ??= []).push(await runLoad(server, options.load));
      else results.idle = await runIdle(server, options.idle);
    });
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = (error as Error).message;
    results.errors.push(`${scenario}: ${message}`);
    console.log(`failed: ${message}`);
  }
}

/** The cold scenario: every server running at once, loads alternating between them (see `runCold`). */
async function runColdScenario(all: readonly ServerResults[], options: BenchOptions): Promise<void> {
  const started = performance.now();
  process.stdout.write(`  cold  ${all.map((r) => r.kind).join(', ')}, interleaved … `);
  const running = new Map<ServerHandle, ServerResults>();
  try {
    for (const results of all) {
      try {
        running.set(await start(results.kind, 'cold', options), results);
      } catch (error) {
        results.errors.push(`cold: ${(error as Error).message}`);
      }
    }
    const outcomes = await runCold([...running.keys()], options.cold);
    for (const [server, outcome] of outcomes) {
      const results = running.get(server) as ServerResults;
      if ('result' in outcome) results.cold = outcome.result;
      else results.errors.push(`cold: ${outcome.error}`);
    }
    console.log(`${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await Promise.all([...running.keys()].map((server) => server.stop()));
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function writeResults(markdown: string, json: unknown, startedAt: Date, quick: boolean): string[] {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = startedAt.toISOString().slice(0, 16).replace(':', '');
  const base = path.join(resultsDir, `${stamp}${quick ? '-quick' : ''}-sync`);
  writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  const written = [`${base}.json`, `${base}.md`];
  if (!quick) {
    writeFileSync(path.join(resultsDir, 'latest-sync.md'), markdown);
    written.push(path.join(resultsDir, 'latest-sync.md'));
  }
  return written;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  // Workers are forked from this process and inherit its niceness.
  if (options.nice !== 0) os.setPriority(options.nice);
  const startedAt = new Date();
  if (options.anguanRef) anguanTree = exportAnguan(repoRoot, options.anguanRef);
  const dirty = !anguanTree && git(['status', '--porcelain', '--', 'server', 'packages']) !== '';
  const loadBefore = os.loadavg()[0] as number;
  const results: ServerResults[] = options.servers.map((kind) => ({
    kind,
    label: SERVER_LABELS[kind],
    errors: [],
  }));
  console.log(`sync benchmark${options.quick ? ' (quick)' : ''}: ${options.servers.join(', ')}`);
  for (const scenario of options.scenarios) {
    if (scenario === 'cold') {
      await runColdScenario(results, options);
      continue;
    }
    const rounds = scenario === 'load' ? options.rounds : 1;
    for (let round = 1; round <= rounds; round++) {
      const label = rounds > 1 ? ` ${round}/${rounds}` : '';
      for (const serverResults of results) {
        const only = REFERENCE_SCENARIOS[serverResults.kind];
        if (only && !only.includes(scenario)) continue;
        await runScenario(scenario, serverResults, options, label);
      }
    }
  }
  for (const serverResults of results) {
    if (serverResults.loadRounds) serverResults.load = medianMerge(serverResults.loadRounds);
  }
  const info: RunInfo = {
    startedAt: startedAt.toISOString(),
    durationS: (Date.now() - startedAt.getTime()) / 1000,
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: [loadBefore, os.loadavg()[0] as number],
    commit: anguanTree ? `${anguanTree.commit} (--anguan-ref)` : git(['rev-parse', '--short', 'HEAD']),
    dirty,
  };
  const verdicts = evaluateTargets(results);
  const markdown = markdownReport(info, options, results, verdicts);
  console.log(`\n${markdown}`);
  if (options.write) {
    const files = writeResults(markdown, { info, options, results, verdicts }, startedAt, options.quick);
    console.log(`wrote ${files.map((f) => path.relative(process.cwd(), f)).join(', ')}`);
  }
  if (results.some((r) => r.errors.length > 0)) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  // A socket or timer left behind by a failed scenario must not keep the benchmark running.
  .finally(() => {
    anguanTree?.cleanup();
    process.exit();
  });
