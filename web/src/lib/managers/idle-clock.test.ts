import { describe, expect, it } from 'vitest';
import { IdleClock } from './idle-clock';

const MINUTE = 60_000;

describe('the idle clock', () => {
  it('warns a minute before the server’s idle timeout and expires at it', () => {
    const clock = new IdleClock({ idleTimeoutMs: 30 * MINUTE }, 0);
    expect(clock.phase(28 * MINUTE)).toBe('active');
    expect(clock.phase(29 * MINUTE)).toBe('warning');
    expect(clock.msLeft(29.5 * MINUTE)).toBe(0.5 * MINUTE);
    expect(clock.phase(30 * MINUTE)).toBe('expired');
  });

  it('starts over with every activity', () => {
    const clock = new IdleClock({ idleTimeoutMs: 30 * MINUTE }, 0);
    clock.activity(29.5 * MINUTE);
    expect(clock.phase(30 * MINUTE)).toBe('active');
    expect(clock.phase(59.5 * MINUTE)).toBe('expired');
  });

  it('ignores a report of activity older than the last one (another tab, late)', () => {
    const clock = new IdleClock({ idleTimeoutMs: 30 * MINUTE }, 0);
    clock.activity(10 * MINUTE);
    clock.activity(5 * MINUTE);
    expect(clock.lastActivity).toBe(10 * MINUTE);
  });

  it('keeps the warning within half of a short timeout', () => {
    const clock = new IdleClock({ idleTimeoutMs: MINUTE }, 0);
    expect(clock.phase(29_000)).toBe('active');
    expect(clock.phase(31_000)).toBe('warning');
  });

  it('tells the server about activity at most once a minute, and only when there was some', () => {
    const clock = new IdleClock({ idleTimeoutMs: 30 * MINUTE }, 0);
    expect(clock.needsKeepAlive(5 * MINUTE)).toBe(false);
    clock.activity(0.5 * MINUTE);
    expect(clock.needsKeepAlive(0.9 * MINUTE)).toBe(false);
    expect(clock.needsKeepAlive(MINUTE)).toBe(true);
    clock.keptAlive(MINUTE);
    expect(clock.needsKeepAlive(3 * MINUTE)).toBe(false);
  });
});
