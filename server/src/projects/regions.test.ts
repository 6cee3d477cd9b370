import { describe, expect, it } from 'vitest';
import { regionPrefix } from './regions.js';

// Coverage itself is specified with the access policy (documents/access.test.ts); this is its SQL form.
describe('a supervisor region', () => {
  it('has the significant digits as its SQL prefix', () => {
    expect(regionPrefix('320000')).toBe('32');
    expect(regionPrefix('320500')).toBe('3205');
    expect(regionPrefix('320583')).toBe('320583');
    expect(regionPrefix('000000')).toBeNull();
  });
});
