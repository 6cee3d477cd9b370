/**
 * `node --import tsx bench/src/sync/profile-summary.ts <file.cpuprofile> [top]`: self time of a V8 CPU profile
 * (from `pnpm bench:sync --cpu-prof`) grouped by function and by package/file, to see where a server's time goes
 * without opening DevTools.
 *
 * @module
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a profile node's code lives: a package name, a repo folder, or a V8 category such as `(garbage collector)`. */
export function originOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url;
  const repo = /\/(server|packages|web|bench)\/(.*)$/.exec(url);
  return repo ? `${repo[1]}/${repo[2]}` : url;
}

/** Self time in ms per key, biggest first. */
export function selfTimes(profile: Profile, keyOf: (node: ProfileNode) => string): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const key = keyOf(node);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Inclusive (self + callees) time in ms per function whose origin matches `include`, biggest first: shows which of
 * our own functions the time is spent under.
 */
export function inclusiveTimes(profile: Profile, include: (origin: string) => boolean): [string, number][] {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)?.callFrame;
      if (!frame) break;
      const origin = originOf(frame.url, frame.functionName);
      if (!include(origin)) continue;
      const key = `${frame.functionName || '(anonymous)'}  ${origin}:${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const print = (title: string, rows: [string, number][]): void => {
    const total = rows.reduce((sum, [, ms]) => sum + ms, 0);
    console.log(`\n${title} (total ${total.toFixed(0)} ms)`);
    for (const [key, ms] of rows.slice(0, top)) {
      console.log(`${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
    }
  };
  print(
    'self time by origin',
    selfTimes(profile, (n) => originOf(n.callFrame.url, n.callFrame.functionName)),
  );
  print(
    'self time by function',
    selfTimes(profile, (n) => {
      const { functionName, url, lineNumber } = n.callFrame;
      return `${functionName || '(anonymous)'}  ${originOf(url, functionName)}:${lineNumber + 1}`;
    }),
  );
  print(
    'inclusive time of our own functions (server/, packages/)',
    inclusiveTimes(profile, (origin) => origin.startsWith('server/') || origin.startsWith('packages/')),
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) main();
