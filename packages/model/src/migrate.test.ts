import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SchemaTooNewError } from './errors.js';
import { migrateDoc, schemaVersionOf, type Migration } from './migrate.js';
import { ORIGINS } from './origins.js';

const migrations: Migration[] = [
  { name: '0001-initial', up: () => {} },
  { name: '0002-default-status', up: (doc) => doc.getMap('meta').set('status', 'draft') },
];

describe('migrateDoc', () => {
  it('runs pending migrations in one transaction tagged as a migration and records the version', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 1);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t) => origins.push(t.origin));
    expect(migrateDoc(doc, migrations)).toEqual(['0002-default-status']);
    expect(origins).toEqual([ORIGINS.migration]);
    expect(schemaVersionOf(doc)).toBe(2);
    expect(doc.getMap('meta').get('status')).toBe('draft');
    expect(migrateDoc(doc, migrations)).toEqual([]);
  });

  it('refuses a document newer than the code', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', 3);
    expect(() => migrateDoc(doc, migrations)).toThrow(SchemaTooNewError);
  });
});
