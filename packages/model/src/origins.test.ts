import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGINS, isLocalOrigin, warnOnLocalWriteDuringRemoteApply } from './origins.js';

describe('origins', () => {
  it('treats provider instances and unknown origins as remote', () => {
    expect(isLocalOrigin(ORIGINS.localUser)).toBe(true);
    expect(isLocalOrigin({ provider: true })).toBe(false);
    expect(isLocalOrigin(null)).toBe(false);
  });

  it('warns when an observer writes locally while a remote update is applied', () => {
    const source = new Y.Doc();
    source.getMap('m').set('a', 1);
    const doc = new Y.Doc();
    const warnings: string[] = [];
    const stop = warnOnLocalWriteDuringRemoteApply(doc, (m) => warnings.push(m));
    doc.getMap('m').observe(() => doc.transact(() => doc.getMap('echo').set('x', 1), ORIGINS.localUser));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), ORIGINS.remote);
    expect(warnings).toHaveLength(1);
    stop();
  });
});
