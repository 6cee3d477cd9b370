import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writesOnlyRoots } from './root-guard.js';

/** A server copy and a client copy of one document, and the client's next update. */
function pair() {
  const server = new Y.Doc();
  server.getMap('replies').set('r1', { text: '已整改' });
  server.getMap('reviews').set('v1', { verdict: 'rejected' });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const next = (write: (doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(client);
    write(client);
    return Y.encodeStateAsUpdate(client, before);
  };
  return { server, next };
}

describe('writesOnlyRoots', () => {
  it('accepts new and overwritten entries of the allowed roots', () => {
    const { server, next } = pair();
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getMap('replies').set('r2', { text: '再次整改' })),
        ['replies'],
      ),
    ).toBe(true);
    // Overwriting r1 continues its item (origin, no parent encoded) and deletes the old value.
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getMap('replies').set('r1', { text: '改' })),
        ['replies'],
      ),
    ).toBe(true);
  });

  it('refuses entries, overwrites and deletions of other roots', () => {
    const { server, next } = pair();
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getMap('reviews').set('v2', { verdict: 'accepted' })),
        ['replies'],
      ),
    ).toBe(false);
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getMap('reviews').set('v1', { verdict: 'accepted' })),
        ['replies'],
      ),
    ).toBe(false);
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getMap('reviews').delete('v1')),
        ['replies'],
      ),
    ).toBe(false);
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getText('other').insert(0, 'x')),
        ['replies'],
      ),
    ).toBe(false);
  });

  it('refuses nested types and references the server cannot resolve', () => {
    const { server, next } = pair();
    expect(
      writesOnlyRoots(
        server,
        next((d) => d.getMap('replies').set('nested', new Y.Map())),
        ['replies'],
      ),
    ).toBe(false);
    const stranger = new Y.Doc();
    stranger.getMap('replies').set('x', 1);
    const before = Y.encodeStateVector(stranger);
    stranger.getMap('replies').set('x', 2); // continues an item the server never saw
    expect(writesOnlyRoots(server, Y.encodeStateAsUpdate(stranger, before), ['replies'])).toBe(false);
  });

  it('accepts a resync that repeats known content and deletions of other roots (a sync step 2)', () => {
    const { server, next } = pair();
    const department = new Y.Doc();
    Y.applyUpdate(department, Y.encodeStateAsUpdate(server));
    department.getMap('replies').set('r1', { text: '已整改，补照片' }); // deletes the old r1 value
    Y.applyUpdate(server, Y.encodeStateAsUpdate(department));
    const reviewer = next((d) => Y.applyUpdate(d, Y.encodeStateAsUpdate(department)));
    expect(writesOnlyRoots(server, reviewer, ['reviews'])).toBe(true);
    const fullResync = next((d) => d.getMap('reviews').set('v2', { verdict: 'accepted' }));
    expect(writesOnlyRoots(server, fullResync, ['reviews'])).toBe(true);
  });

  it('accepts an update that both writes and overwrites within itself', () => {
    const { server, next } = pair();
    const update = next((d) => {
      d.getMap('replies').set('r3', { text: 'a' });
      d.getMap('replies').set('r3', { text: 'b' });
    });
    expect(writesOnlyRoots(server, update, ['replies'])).toBe(true);
  });
});
