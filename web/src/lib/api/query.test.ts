import { describe, expect, it } from 'vitest';
import { withQuery } from './query';

describe('withQuery', () => {
  it('leaves out empty values and sorts keys so equal filters give equal cache keys', () => {
    expect(withQuery('/projects', { q: '', status: 'completed', page: 2, region: null })).toBe(
      '/projects?page=2&status=completed',
    );
    expect(withQuery('/projects', { page: 2, status: 'completed' })).toBe(withQuery('/projects', { status: 'completed', page: 2 }));
  });

  it('returns the bare path when nothing is set', () => {
    expect(withQuery('/projects', { q: undefined })).toBe('/projects');
  });
});
