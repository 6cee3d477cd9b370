import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { presenceUser } from '@anguan/model';
import { AwarenessRefusedError, MalformedMessageError } from './errors.js';
import { Presence, type PresenceOwner } from './presence.js';

const client = (state: Record<string, unknown>) => {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(state);
  return awareness;
};
const encode = (awareness: awarenessProtocol.Awareness) =>
  awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
const owner = (userId = 'u-1', name = '王工'): PresenceOwner => ({
  connection: {},
  userId,
  user: presenceUser(userId, name),
});

/** An awareness update with `count` entries (client ids from 1) of `state`, without building a Y.Doc each. */
function manyEntries(count: number, state: unknown = { focus: null }): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, count);
  for (let i = 1; i <= count; i++) {
    encoding.writeVarUint(encoder, i);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

describe('Presence', () => {
  it('speaks y-protocols awareness: newcomers decode the states, stale clocks are ignored, removal wins', () => {
    const presence = new Presence();
    const wang = owner();
    const alice = client({ focus: null });
    const first = encode(alice);
    expect(presence.apply(first, wang, 0)).not.toBeNull();
    alice.setLocalStateField('focus', { section: 'tower_crane', item: 'tower_crane.01' });
    expect(presence.apply(encode(alice), wang, 1)).not.toBeNull();
    expect(presence.apply(first, wang, 2)).toBeNull();

    const newcomer = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(newcomer, presence.encodeAll()!, null);
    expect(newcomer.getStates().get(alice.clientID)).toEqual({
      focus: { section: 'tower_crane', item: 'tower_crane.01' },
      user: presenceUser('u-1', '王工'),
    });

    const removal = presence.removeOwnedBy(wang.connection, 3)!;
    awarenessProtocol.applyAwarenessUpdate(newcomer, removal, null);
    expect(newcomer.getStates().has(alice.clientID)).toBe(false);
    expect(presence.encodeAll()).toBeNull();
  });

  it('writes the user name and colour from the session over whatever the client claims', () => {
    const presence = new Presence();
    const liar = client({ user: { id: 'u-director', name: '总经理', color: '#000000' }, focus: null });
    const forwarded = presence.apply(encode(liar), owner('u-2', '李四'), 0)!;
    const receiver = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(receiver, forwarded, null);
    expect(receiver.getStates().get(liar.clientID)).toEqual({
      user: presenceUser('u-2', '李四'),
      focus: null,
    });
  });

  it("ignores another user's client id (a spoof, or a client's echo): nothing applied or forwarded", () => {
    const presence = new Presence();
    const inspector = owner('u-inspector');
    const device = client({ focus: { section: 'tower_crane', item: null } });
    presence.apply(encode(device), inspector, 0);
    const before = presence.encodeAll();
    device.setLocalStateField('focus', { section: 'spoofed', item: null });
    expect(presence.apply(encode(device), owner('u-supervisor'), 1)).toBeNull();
    expect(presence.encodeAll()).toEqual(before);
    presence.removeOwnedBy(inspector.connection, 2);
    device.setLocalStateField('focus', { section: 'spoofed again', item: null });
    expect(presence.apply(encode(device), owner('u-supervisor'), 3)).toBeNull();
    expect(presence.encodeAll()).toBeNull();
    // The same user (the device reconnecting) may publish it again.
    device.setLocalStateField('focus', { section: 'back', item: null });
    expect(presence.apply(encode(device), owner('u-inspector'), 4)).not.toBeNull();
  });

  it("ignores the same user's client id while another of its connections holds it", () => {
    const presence = new Presence();
    const device = client({ focus: null });
    presence.apply(encode(device), owner('u-1'), 0);
    device.setLocalStateField('focus', { section: 'x', item: null });
    expect(presence.apply(encode(device), owner('u-1'), 1)).toBeNull();
  });

  it('refuses 1e5 entries on their count, before decoding them, and applies none', () => {
    const presence = new Presence();
    const flood = manyEntries(100_000);
    expect(() => presence.apply(flood, owner(), 0)).toThrow(AwarenessRefusedError);
    expect(presence.size).toBe(0);
  });

  it('bounds entries per connection and per document, and the bytes of one state', () => {
    const presence = new Presence({ maxEntriesPerConnection: 2, maxEntriesPerDoc: 3, maxStateBytes: 100 });
    const one = owner('u-1');
    presence.apply(manyEntries(2), one, 0);
    const third = client({ focus: null });
    expect(() => presence.apply(encode(third), one, 1)).toThrow(AwarenessRefusedError);
    expect(() => presence.apply(encode(client({ note: 'x'.repeat(200) })), owner('u-2'), 2)).toThrow(
      AwarenessRefusedError,
    );
    presence.apply(encode(third), owner('u-3'), 3);
    expect(() => presence.apply(encode(client({ focus: null })), owner('u-4'), 4)).toThrow(
      AwarenessRefusedError,
    );
    expect(presence.size).toBe(3);
  });

  it('sweeps states not renewed for 30 s', () => {
    const presence = new Presence();
    presence.apply(encode(client({ a: 1 })), owner(), 0);
    expect(presence.sweep(29_999)).toBeNull();
    expect(presence.sweep(30_000)).not.toBeNull();
    expect(presence.encodeAll()).toBeNull();
  });

  it('refuses states that are not JSON objects without applying any', () => {
    const presence = new Presence();
    expect(() => presence.apply(new Uint8Array([1, 5, 1, 1, 123]), owner(), 0)).toThrow(
      MalformedMessageError,
    );
    expect(() => presence.apply(manyEntries(1, [1, 2]), owner(), 0)).toThrow(MalformedMessageError);
    expect(presence.size).toBe(0);
  });
});
