import { describe, expect, it } from 'vitest';
import { InvalidDocNameError } from './errors.js';
import { docName, inspectionDocName, parseDocName, projectDocName, tryParseDocName } from './doc-names.js';

const UUID = '0b5c6d1e-8f2a-4c3b-9d4e-5f6a7b8c9d0e';

describe('document names', () => {
  it('builds and parses the three kinds', () => {
    expect(inspectionDocName(UUID)).toBe(`inspection:${UUID}`);
    expect(parseDocName(`rectification:${UUID}`)).toEqual({ kind: 'rectification', id: UUID });
    expect(parseDocName(projectDocName('p-320102_01'))).toEqual({ kind: 'project', id: 'p-320102_01' });
  });

  it('lower-cases UUIDs when building, so one inspection has one name', () => {
    expect(docName('inspection', UUID.toUpperCase())).toBe(`inspection:${UUID}`);
    expect(tryParseDocName(`inspection:${UUID.toUpperCase()}`)).toBeNull();
  });

  it.each([
    '',
    'inspection',
    'inspection:',
    'inspection:123',
    'blob:abc',
    `project:a/b`,
    `project:${'x'.repeat(200)}`,
  ])('refuses %j', (name) => {
    expect(tryParseDocName(name)).toBeNull();
    expect(() => parseDocName(name)).toThrow(InvalidDocNameError);
  });
});
