import { describe, expect, it } from 'vitest';
import {
  cpuPercent,
  parseSchedstat,
  parseStat,
  parseStatus,
  readCpuMsPrecise,
  readCpuMsTicks,
  readProcess,
} from './proc-stats.js';

// A real line from /proc/<pid>/stat, with a command name that contains spaces and a parenthesis.
const STAT =
  '4242 (node (tsx) x) S 4200 4242 4200 34816 4242 4194304 12150 0 3 0 1234 567 0 0 20 0 11 0 ' +
  '987654 1245184000 30000 18446744073709551615 1 1 0 0 0 0 0 16781312 134235650 0 0 0 17 1 0 0 0 0 0';

const STATUS = `Name:\tnode
Umask:\t0022
State:\tS (sleeping)
VmPeak:\t 1300000 kB
VmHWM:\t  150000 kB
VmRSS:\t  120000 kB
RssAnon:\t   80000 kB
Threads:\t11
`;

describe('parseStat', () => {
  it('reads utime and stime (fields 14 and 15) counting from the last parenthesis', () => {
    expect(parseStat(STAT)).toEqual({ utimeTicks: 1234, stimeTicks: 567 });
  });

  it('rejects text that is not a stat line', () => {
    expect(() => parseStat('garbage')).toThrow(/malformed/);
    expect(() => parseStat('1 (x) S 2')).toThrow(/cpu fields/);
  });
});

describe('parseStatus', () => {
  it('reads VmRSS and VmHWM in bytes', () => {
    expect(parseStatus(STATUS)).toEqual({ rssBytes: 120000 * 1024, hwmBytes: 150000 * 1024 });
  });

  it('rejects a status without VmRSS (e.g. a zombie)', () => {
    expect(() => parseStatus('Name:\tnode\n')).toThrow(/VmRSS/);
  });
});

describe('parseSchedstat', () => {
  it('reads on-CPU nanoseconds from the first field', () => {
    expect(parseSchedstat('3543580 120 7\n')).toBe(3543580);
    expect(() => parseSchedstat('')).toThrow(/schedstat/);
  });
});

describe('readProcess', () => {
  it('agrees with the tick-based total within a few ticks', () => {
    const precise = readCpuMsPrecise(process.pid);
    const ticks = readCpuMsTicks(process.pid);
    expect(Math.abs(precise - ticks)).toBeLessThan(100);
  });

  it('reads this very process', () => {
    const reading = readProcess(process.pid);
    expect(reading.rssBytes).toBeGreaterThan(1024 * 1024);
    expect(reading.hwmBytes).toBeGreaterThanOrEqual(reading.rssBytes);
    expect(reading.cpuMs).toBeGreaterThan(0);
  });

  it('expresses CPU between two readings in percent of one core', () => {
    const from = { atMs: 1000, cpuMs: 500, rssBytes: 0, hwmBytes: 0 };
    expect(cpuPercent(from, { ...from, atMs: 3000, cpuMs: 1500 })).toBe(50);
    expect(cpuPercent(from, from)).toBeNaN();
  });
});
