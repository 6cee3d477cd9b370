import { describe, expect, it } from 'vitest';
import { isLoopback, withRequestClock } from './test-clock.js';

describe('the e2e request clock', () => {
  it('reads the base clock outside a request that set a test instant', () => {
    const base = new Date('2026-03-15T02:00:00Z');
    expect(withRequestClock(() => base)()).toBe(base);
  });

  it('accepts only the loopback interface', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true]);
    expect(['10.0.0.5', '::ffff:192.168.1.2', 'unknown', undefined].map(isLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
