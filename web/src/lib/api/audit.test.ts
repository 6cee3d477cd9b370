import { describe, expect, it } from 'vitest';
import { auditExportUrl, auditQuery, EMPTY_AUDIT_FILTERS } from './audit';

describe('the 安全审计 query', () => {
  it('leaves out empty filters', () => {
    expect(auditQuery(EMPTY_AUDIT_FILTERS)).toBe('');
    expect(auditQuery({ ...EMPTY_AUDIT_FILTERS, actor: '  ' })).toBe('');
  });

  it('carries dates, type, a trimmed actor and the page', () => {
    const query = auditQuery(
      { from: '2026-11-01', to: '2026-11-30', type: 'login.failed', actor: ' 李安全 ' },
      { page: 2, pageSize: 50 },
    );
    expect(Object.fromEntries(new URLSearchParams(query.slice(1)))).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      type: 'login.failed',
      actor: '李安全',
      page: '2',
      pageSize: '50',
    });
  });

  it('exports the same filters without paging', () => {
    expect(auditExportUrl({ ...EMPTY_AUDIT_FILTERS, type: 'logout' })).toBe(
      '/api/audit/export.xlsx?type=logout',
    );
  });
});
