import { describe, expect, it } from 'vitest';
import type { Alert } from '$lib/api/alerts';
import { countdownLabel, NO_FILTER, splitAlerts, unreadOf, withRead } from './alert-filters';

function alert(overrides: Partial<Alert>): Alert {
  return {
    id: crypto.randomUUID(),
    rule: 'R1',
    projectId: 'p1',
    state: 'open',
    read: false,
    createdAt: '2026-03-15T02:00:00.000Z',
    title: 't',
    level: 'warning',
    body: '',
    link: '/projects/3201052026001',
    daysLeft: null,
    updatedAt: '2026-03-15T02:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

describe('splitAlerts', () => {
  it('keeps resolved alerts apart as history and puts critical open ones first', () => {
    const warning = alert({ title: 'w' });
    const critical = alert({ title: 'c', level: 'critical' });
    const resolved = alert({ title: 'r', state: 'resolved' });
    const { open, history } = splitAlerts([warning, resolved, critical], NO_FILTER);
    expect(open.map((a) => a.title)).toEqual(['c', 'w']);
    expect(history.map((a) => a.title)).toEqual(['r']);
  });

  it('filters by unread, rule and level together', () => {
    const list = [
      alert({ title: 'r1-unread' }),
      alert({ title: 'r1-read', read: true }),
      alert({ title: 'r5', rule: 'R5' }),
      alert({ title: 'r1-critical', level: 'critical' }),
    ];
    const titles = (f: Partial<typeof NO_FILTER>) =>
      splitAlerts(list, { ...NO_FILTER, ...f }).open.map((a) => a.title);
    expect(titles({ unreadOnly: true })).toEqual(['r1-critical', 'r1-unread', 'r5']);
    expect(titles({ rule: 'R5' })).toEqual(['r5']);
    expect(titles({ rule: 'R1', level: 'warning', unreadOnly: true })).toEqual(['r1-unread']);
  });
});

describe('countdownLabel', () => {
  it('counts R1 down to 今日到期 and R3 in days left of the year; none for history or other rules', () => {
    expect(countdownLabel({ rule: 'R1', daysLeft: 21, state: 'open' })).toBe('剩余 21 天');
    expect(countdownLabel({ rule: 'R1', daysLeft: 0, state: 'open' })).toBe('今日到期');
    expect(countdownLabel({ rule: 'R3', daysLeft: 40, state: 'open' })).toBe('本年度剩余 40 天');
    expect(countdownLabel({ rule: 'R1', daysLeft: 3, state: 'resolved' })).toBeNull();
    expect(countdownLabel({ rule: 'R5', daysLeft: null, state: 'open' })).toBeNull();
  });
});

describe('read state', () => {
  it('marks one or all read and recounts the open unread ones', () => {
    const a = alert({});
    const b = alert({});
    const gone = alert({ state: 'resolved' });
    expect(unreadOf([a, b, gone])).toBe(2);
    expect(unreadOf(withRead([a, b, gone], a.id))).toBe(1);
    expect(unreadOf(withRead([a, b, gone], null))).toBe(0);
  });
});
