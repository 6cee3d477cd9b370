import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './date';

describe('date formatting', () => {
  it('shows the Asia/Shanghai calendar day of an instant as YYYY-MM-DD', () => {
    expect(formatDate('2024-03-31T16:00:00Z')).toBe('2024-04-01');
  });

  it('shows date and 24-hour time in Asia/Shanghai', () => {
    expect(formatDateTime('2024-03-31T16:05:00Z')).toBe('2024-04-01 00:05');
  });
});
