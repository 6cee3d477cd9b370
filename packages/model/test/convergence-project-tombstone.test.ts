import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { WORK_RECORD_TYPES } from '../src/project/schema.js';
import { projectDocToJSON } from '../src/project/to-json.js';
import { validateProjectDoc } from '../src/project/validate.js';
import { removeDangerousWork, setDangerousWork, setWorkRecord } from '../src/project/write.js';
import { at, projectDoc } from './factories.js';
import type { RandomSource } from './random.js';
import { convergenceSeeds, runScenario } from './network.js';

/**
 * A removed 超危大 work stays removed whatever other devices did to it concurrently (the tombstone of
 * project/schema.ts): no work comes back with its records hidden.
 */

const NAMES = ['深基坑工程', '高大模板工程', '起重吊装工程', '附着式升降脚手架'];

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
};

describe('removing a 超危大 work', () => {
  it('wins over a rename and a new record made offline on another device', () => {
    const a = projectDoc(1);
    const b = new Y.Doc();
    b.clientID = 2;
    const pit = setDangerousWork(a, { name: '深基坑工程', category: 'foundation_pit' });
    setWorkRecord(a, pit, 'plan', { date: '2026-01-10' });
    exchange(a, b);
    removeDangerousWork(a, pit, { now: at('2026-03-16T08:00:00Z') });
    // b renames later in wall-clock time and adds a record: without the tombstone the rename's value would win.
    setDangerousWork(b, { workId: pit, name: '深基坑工程（二期）', category: 'foundation_pit' });
    setWorkRecord(b, pit, 'briefing', { date: '2026-01-20' });
    exchange(a, b);
    expect(projectDocToJSON(a).works).toEqual([]);
    expect(projectDocToJSON(b)).toEqual(projectDocToJSON(a));
    expect(validateProjectDoc(b)).toEqual([]);
  });

  it('cannot be undone by writing to it again on a device that knows of the removal', () => {
    const doc = projectDoc(1);
    const pit = setDangerousWork(doc, { name: '深基坑工程', category: 'foundation_pit' });
    removeDangerousWork(doc, pit);
    expect(() => setDangerousWork(doc, { workId: pit, name: '复活', category: 'foundation_pit' })).toThrow();
    expect(() => setWorkRecord(doc, pit, 'plan', { date: '2026-01-10' })).toThrow();
    expect(projectDocToJSON(doc).works).toEqual([]);
  });
});

describe('convergence with removals racing renames and records', () => {
  it.each(convergenceSeeds(16))('no removed work reappears on any device (seed %i)', (seed) => {
    const removed = new Set<string>();
    const workIds: string[] = [];
    const edit = (doc: Y.Doc, r: RandomSource, step: number) => {
      const options = { now: at(new Date(Date.UTC(2026, 2, 16, 2, 0, step)).toISOString()) };
      // Devices act on what they see, so they rename and fill in works another device already removed.
      const visible = projectDocToJSON(doc).works.map((w) => w.workId);
      if (visible.length === 0 || r.chance(0.2)) {
        workIds.push(
          setDangerousWork(doc, { workId: r.uuid(), name: r.pick(NAMES), category: 'other' }, options),
        );
        return;
      }
      const workId = r.pick(visible);
      const choice = r.int(3);
      if (choice === 0) {
        removeDangerousWork(doc, workId, options);
        removed.add(workId);
      } else if (choice === 1) {
        setDangerousWork(doc, { workId, name: r.pick(NAMES), category: 'other' }, options);
      } else {
        setWorkRecord(doc, workId, r.pick(WORK_RECORD_TYPES), { date: '2026-02-01' }, options);
      }
    };
    runScenario(
      {
        kind: 'project (tombstones)',
        createDoc: projectDoc,
        edit,
        toJSON: (doc) => {
          const json = projectDocToJSON(doc);
          for (const work of json.works) expect(removed.has(work.workId)).toBe(false);
          return json;
        },
        validate: validateProjectDoc,
      },
      seed,
      120,
    );
    expect(removed.size).toBeGreaterThan(0);
  });
});
