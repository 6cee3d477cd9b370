import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectionDoc } from '../../test/factories.js';
import { ORIGINS } from '../origins.js';
import { observeInspectionParts, type InspectionPartsChange } from './observe-parts.js';
import * as content from './write.js';
import * as sheets from './write-sheets.js';

const w = { ...content, ...sheets };

function watch(doc: Y.Doc) {
  const seen: InspectionPartsChange[] = [];
  const stop = observeInspectionParts(doc, (change) => seen.push(change));
  return { seen, stop };
}

describe('observeInspectionParts', () => {
  it('names only the sheets a transaction touched, whichever root held the change', () => {
    const doc = inspectionDoc();
    const s1 = w.addSheet(doc, { tableId: 'a' });
    const s2 = w.addSheet(doc, { tableId: 'b' });
    const { seen } = watch(doc);
    w.setDeduction(doc, s2, { itemId: 'b.01', ruleId: 'b.01.01' });
    w.setItemNotApplicable(doc, s1, 'a.02', true);
    w.setSheetFlag(doc, s1, 'done', true);
    expect(seen.map((c) => [...c.sheetIds])).toEqual([[s2], [s1], [s1]]);
    expect(seen.every((c) => !c.meta && !c.comment && !c.inspectors)).toBe(true);
    expect(seen[0]!.origin).toBe(ORIGINS.localUser);
  });

  it('reports a new sheet, a cleared sheet and several sheets in one transaction', () => {
    const doc = inspectionDoc();
    const s1 = w.addSheet(doc, { tableId: 'a' });
    w.setDeduction(doc, s1, { itemId: 'a.01', ruleId: 'a.01.01' });
    const { seen } = watch(doc);
    let s2 = '';
    doc.transact(() => {
      s2 = w.addSheet(doc, { tableId: 'b' });
      w.clearSheet(doc, s1);
    });
    expect([...seen[0]!.sheetIds].sort()).toEqual([s1, s2].sort());
  });

  it('flags metadata, inspectors and 评语 changes apart from sheets, and stops after unsubscribe', () => {
    const doc = inspectionDoc();
    const { seen, stop } = watch(doc);
    w.setComment(doc, '基本符合要求');
    w.setInspector(doc, { userId: 'u1', name: '李安全' });
    expect(seen.map((c) => [c.comment, c.inspectors, c.meta, c.sheetIds.size])).toEqual([
      [true, false, false, 0],
      [false, true, false, 0],
    ]);
    stop();
    w.setComment(doc, '另');
    expect(seen).toHaveLength(2);
  });

  it('sees changes that arrive from another replica', () => {
    const doc = inspectionDoc();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    const s1 = w.addSheet(remote, { tableId: 'a' });
    const { seen } = watch(doc);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote), 'provider');
    expect([...seen[0]!.sheetIds]).toEqual([s1]);
    expect(seen[0]!.origin).toBe('provider');
  });
});
