/**
 * Process CPU and memory from Linux procfs, read from outside the measured process so the servers need no
 * instrumentation. `/proc/<pid>/stat` gives user and system CPU in clock ticks, `/proc/<pid>/status` resident memory.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ticks from `/proc/<pid>/stat`. */
export interface StatTicks {
  readonly utimeTicks: number;
  readonly stimeTicks: number;
}

/**
 * Parses `/proc/<pid>/stat`. The second field (the command name) is in parentheses and may itself contain spaces
 * and parentheses, so fields are counted from the last `)`: utime and stime are fields 14 and 15 (proc(5)).
 */
export function parseStat(text: string): StatTicks {
  const close = text.lastIndexOf(')');
  if (close === -1) throw new Error('malformed /proc stat: no command name');
  // After ")": field 3 (state) is index 0, so field N is index N - 3.
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/);
  const utimeTicks = Number(fields[14 - 3]);
  const stimeTicks = Number(fields[15 - 3]);
  if (!Number.isFinite(utimeTicks) || !Number.isFinite(stimeTicks)) {
    throw new Error('malformed /proc stat: cpu fields');
  }
  return { utimeTicks, stimeTicks };
}

/** Resident set size now and its peak (high-water mark), in bytes, from `/proc/<pid>/status`. */
export interface StatusMemory {
  readonly rssBytes: number;
  readonly hwmBytes: number;
}

/** Parses the `VmRSS:` and `VmHWM:` lines (kB) of `/proc/<pid>/status`. */
export function parseStatus(text: string): StatusMemory {
  const kb = (key: string): number => {
    const match = new RegExp(`^${key}:\\s+(\\d+)\\s+kB$`, 'm').exec(text);
    if (!match) throw new Error(`malformed /proc status: no ${key}`);
    return Number(match[1]) * 1024;
  };
  return { rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM') };
}

/** Parses `/proc/<pid>/task/<tid>/schedstat`: the first field is the time the task spent on a CPU, in ns. */
export function parseSchedstat(text: string): number {
  const first = text.trim().split(/\s+/)[0] ?? '';
  if (!/^\d+$/.test(first)) throw new Error('malformed schedstat');
  return Number(first);
}

/**
 * CPU time of all threads of a process so far, in ms with nanosecond resolution, from each thread's schedstat
 * (`/proc/<pid>/stat` counts in 10 ms ticks, too coarse for one cold load). Threads that exit between listing
 * and reading are skipped.
 */
export function readCpuMsPrecise(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += parseSchedstat(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'));
    } catch {
      // The thread exited.
    }
  }
  return ns / 1e6;
}

let clockTicks: number | undefined;

/** `sysconf(_SC_CLK_TCK)`; 100 on every mainstream Linux, asked once from `getconf`. */
export function clockTicksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** One reading of a process: total CPU time so far and memory. */
export interface ProcessReading {
  readonly atMs: number;
  readonly cpuMs: number;
  readonly rssBytes: number;
  readonly hwmBytes: number;
}

/** Reads CPU (per-thread schedstat) and memory (`/proc/<pid>/status`) now. Throws if the process is gone. */
export function readProcess(pid: number): ProcessReading {
  const memory = parseStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { atMs: performance.now(), cpuMs: readCpuMsPrecise(pid), ...memory };
}

/** Total CPU (user + system) from `/proc/<pid>/stat`, in ms at clock-tick resolution; includes exited threads. */
export function readCpuMsTicks(pid: number): number {
  const ticks = parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return ((ticks.utimeTicks + ticks.stimeTicks) * 1000) / clockTicksPerSecond();
}

/** CPU use between two readings as a percentage of one core (200 % = both cores of this machine). */
export function cpuPercent(from: ProcessReading, to: ProcessReading): number {
  const wallMs = to.atMs - from.atMs;
  return wallMs > 0 ? ((to.cpuMs - from.cpuMs) / wallMs) * 100 : NaN;
}

/** Samples a process's RSS every `intervalMs` until stopped; returns the peak seen and the last reading. */
export function startRssSampler(pid: number, intervalMs = 250): { stop(): { peakRssBytes: number } } {
  let peakRssBytes = 0;
  const sample = (): void => {
    try {
      peakRssBytes = Math.max(peakRssBytes, readProcess(pid).rssBytes);
    } catch {
      // The process exited; the caller notices on its own.
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRssBytes };
    },
  };
}
