/**
 * The generated province both statistics benchmarks run on (`main.ts` for the 统计分析 endpoints, `alert-pass.ts`
 * for the alert pass): one fixed "now", the server's dependencies over a data folder, and the generator's scale.
 *
 * @module
 */
import type Database from 'better-sqlite3';
import { defaultConfig } from '../../../server/src/config.js';
import { openDatabase } from '../../../server/src/db/client.js';
import type { AppDeps } from '../../../server/src/deps.js';
import { generate } from './generate.js';

export const NOW = new Date('2026-11-30T04:00:00Z');

/** `BENCH_STATS_SCALE` (default 1): inspections and findings per project scaled down, e.g. 0.2 for a fifth. */
export const benchScale = () => Number(process.env.BENCH_STATS_SCALE ?? '1');

/** A server's dependencies over the database in `root`, with the clock stopped at {@link NOW}. */
export function provinceDeps(root: string): AppDeps {
  return {
    config: { ...defaultConfig, dataDir: root, webRoot: null },
    database: openDatabase(root),
    now: () => NOW,
  };
}

/** Generates the province at `scale` (50 inspections per project at 1, five findings each). */
export function generateProvince(sqlite: Database.Database, scale: number) {
  return generate(sqlite, NOW.getTime(), {
    inspectionsPerProject: Math.round(50 * scale),
    findingsPerInspection: 5,
  });
}
