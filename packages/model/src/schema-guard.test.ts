import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addTerm, createInspection, setDate, setTermLocation, setTermNote } from './inspection/write.js';
import { INSPECTION_MIGRATIONS } from './inspection/migrations.js';
import { isAllowedRoot, schemaChangeViolation } from './schema-guard.js';

function inspection(): Y.Doc {
  const doc = new Y.Doc();
  createInspection(doc, {
    projectId: 'p-1',
    origin: 'enterprise',
    method: 'jgj59',
    date: '2026-03-15',
    createdBy: '5b0a4b43-2b1f-4d55-9f0c-0d6a1c1f7d11',
  });
  return doc;
}

/** `before` and a copy of it changed by `change`. */
function change(before: Y.Doc, edit: (doc: Y.Doc) => void): Y.Doc {
  const after = new Y.Doc();
  Y.applyUpdate(after, Y.encodeStateAsUpdate(before));
  edit(after);
  return after;
}

describe('schema guard', () => {
  it('knows the roots of each kind, including one note text per inspection term', () => {
    expect(isAllowedRoot('inspection', 'deductions')).toBe(true);
    expect(isAllowedRoot('inspection', 'termNote:terms.3.1')).toBe(true);
    expect(isAllowedRoot('inspection', 'termNote:')).toBe(false);
    expect(isAllowedRoot('inspection', 'termLocation:terms.3.1')).toBe(true);
    expect(isAllowedRoot('inspection', 'termLocation:')).toBe(false);
    expect(isAllowedRoot('project', 'termLocation:terms.3.1')).toBe(false);
    expect(isAllowedRoot('inspection', 'replies')).toBe(false);
    expect(isAllowedRoot('rectification', 'replies')).toBe(true);
    expect(isAllowedRoot('project', 'equipment')).toBe(true);
    expect(isAllowedRoot('project', 'extra')).toBe(false);
  });

  it('accepts creation and ordinary edits, mutable meta included', () => {
    const empty = new Y.Doc();
    expect(schemaChangeViolation('inspection', empty, inspection())).toBeNull();
    const doc = inspection();
    expect(
      schemaChangeViolation(
        'inspection',
        doc,
        change(doc, (d) => setDate(d, '2026-03-16')),
      ),
    ).toBeNull();
    expect(
      schemaChangeViolation(
        'inspection',
        doc,
        change(doc, (d) => setTermNote(d, 'terms.1', '注')),
      ),
    ).toBeNull();
    expect(
      schemaChangeViolation(
        'inspection',
        doc,
        change(doc, (d) => {
          addTerm(d, 'terms.1', 'u1');
          setTermLocation(d, 'terms.1', '3号楼 5层');
        }),
      ),
    ).toBeNull();
  });

  it('refuses changing immutable meta, an unknown or lowered schema version, and new unknown roots', () => {
    const doc = inspection();
    const refuse = (edit: (d: Y.Doc) => void) => schemaChangeViolation('inspection', doc, change(doc, edit));
    expect(refuse((d) => d.getMap('meta').set('origin', 'spot'))).toMatch(/meta.origin/);
    expect(refuse((d) => d.getMap('meta').set('projectId', 'p-2'))).toMatch(/meta.projectId/);
    expect(refuse((d) => d.getMap('meta').delete('createdBy'))).toMatch(/meta.createdBy/);
    expect(refuse((d) => d.getMap('meta').set('schemaVersion', 999))).toMatch(/schemaVersion/);
    expect(refuse((d) => d.getMap('meta').set('schemaVersion', 0))).toMatch(/lowered/);
    expect(refuse((d) => d.getMap('meta').set('schemaVersion', INSPECTION_MIGRATIONS.length))).toBeNull();
    expect(refuse((d) => d.getMap('extra').set('x', 1))).toMatch(/unknown root "extra"/);
  });
});
