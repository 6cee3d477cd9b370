import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSheets } from '../src/inspection/read.js';
import { inspectionToJSON } from '../src/inspection/to-json.js';
import * as content from '../src/inspection/write.js';
import * as sheets from '../src/inspection/write-sheets.js';
import { at, editText, inspectionDoc } from './factories.js';
import { RandomSource } from './random.js';
import { convergenceSeeds, runScenario, type ConvergenceScenario } from './network.js';

const w = { ...content, ...sheets };

/**
 * Seeded-random convergence of inspection documents (the network and the rules are in `network.ts`). A failure
 * names its seed; replay it with MODEL_SEED=<seed>.
 */

const TABLES = ['safety_management', 'tower_crane', 'dust_control'];
const TERMS = ['T-1.1.1', 'T-2.3.4', 'T-3.2.1', 'T-5.1.2'];
const NAMES = ['王', '李', '张', '刘'];

function randomEdit(doc: Y.Doc, r: RandomSource, step: number): void {
  const now = at(new Date(Date.UTC(2026, 2, 15, 2, 0, step)).toISOString());
  const options = { now };
  const sheets = readSheets(doc);
  const sheet = sheets.length > 0 ? r.pick(sheets) : null;
  const table = sheet?.tableId ?? 'x';
  const item = `${table}.0${r.int(4) + 1}`;
  const rule = `${item}.0${r.int(5) + 1}`;
  const edits: Array<() => void> = [
    () => w.addSheet(doc, { tableId: r.pick(TABLES), sheetId: r.uuid() }, options),
    () =>
      sheet &&
      w.setDeduction(doc, sheet.sheetId, { itemId: item, ruleId: rule, count: r.int(3) + 1 }, options),
    () =>
      sheet && w.setDeduction(doc, sheet.sheetId, { itemId: item, ruleId: rule, points: r.int(10) }, options),
    () => sheet && w.removeDeduction(doc, sheet.sheetId, rule, options),
    () => sheet && w.setItemNotApplicable(doc, sheet.sheetId, item, r.chance(0.7), options),
    () =>
      sheet && w.setSheetFlag(doc, sheet.sheetId, r.pick(['na', 'done'] as const), r.chance(0.6), options),
    () => sheet && r.chance(0.2) && w.clearSheet(doc, sheet.sheetId, options),
    () => sheet && r.chance(0.1) && w.removeSheet(doc, sheet.sheetId, options),
    () => w.addTerm(doc, r.pick(TERMS), 'u1', options),
    () => w.addTermPhoto(doc, r.pick(TERMS), r.sha256(), options),
    () => r.chance(0.3) && w.removeTerm(doc, r.pick(TERMS), options),
    () =>
      w.setTermNote(
        doc,
        r.pick(TERMS),
        editText(doc.getText(`termNote:${r.pick(TERMS)}`).toString(), r),
        options,
      ),
    () => w.setRemarks(doc, editText(doc.getText('remarks').toString(), r), options),
    () => w.setComment(doc, editText(doc.getText('comment').toString(), r), options),
    () => w.setInspector(doc, { userId: `u${r.int(4)}`, name: r.pick(NAMES) }, options),
    () =>
      w.setRectificationRequest(
        doc,
        { required: r.chance(0.5), deadline: r.chance(0.5) ? '2026-03-22' : null },
        options,
      ),
  ];
  r.pick(edits)();
}

const inspection: ConvergenceScenario = {
  kind: 'inspection',
  createDoc: (clientId) => inspectionDoc({}, clientId),
  edit: randomEdit,
  toJSON: inspectionToJSON,
};

describe('convergence of inspection documents', () => {
  it.each(convergenceSeeds(24))('peers converge to identical JSON (seed %i)', (seed) => {
    runScenario(inspection, seed, 250);
  });

  it('keeps both offline edits of different items of the same sheet and both photos of the same term', () => {
    const a = inspectionDoc({}, 1);
    const b = new Y.Doc();
    b.clientID = 2;
    const sheetId = w.addSheet(a, { tableId: 'tower_crane' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both offline: each touches a different rule/item, and both select the same term with a photo.
    w.setDeduction(a, sheetId, { itemId: 'tower_crane.01', ruleId: 'tower_crane.01.01' });
    w.setDeduction(b, sheetId, { itemId: 'tower_crane.02', ruleId: 'tower_crane.02.03', count: 2 });
    w.setItemNotApplicable(b, sheetId, 'tower_crane.09', true);
    w.addTerm(a, 'T-1.1.1', 'ua');
    w.addTermPhoto(a, 'T-1.1.1', 'a'.repeat(64));
    w.addTerm(b, 'T-1.1.1', 'ub');
    w.addTermPhoto(b, 'T-1.1.1', 'b'.repeat(64));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const json = inspectionToJSON(a);
    expect(json).toEqual(inspectionToJSON(b));
    expect(json.sheets[0]?.deductions.map((d) => d.ruleId)).toEqual([
      'tower_crane.01.01',
      'tower_crane.02.03',
    ]);
    expect(json.sheets[0]?.notApplicableItems).toEqual(['tower_crane.09']);
    expect(json.terms[0]?.photos.map((p) => p.sha256)).toEqual(['a'.repeat(64), 'b'.repeat(64)].sort());
  });
});
