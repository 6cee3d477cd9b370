import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { awarenessMessage, syncStep2Message, updateMessage } from './messages.js';

const lib0Frame = (type: number, subtype: number | null, payload: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  if (subtype !== null) encoding.writeVarUint(encoder, subtype);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
};

describe('message framing', () => {
  it.each([0, 1, 127, 128, 300, 16_383, 16_384, 200_000])(
    'matches lib0 byte for byte (%i-byte payload)',
    (size) => {
      const payload = new Uint8Array(size).map((_, i) => i % 251);
      expect(syncStep2Message(payload)).toEqual(lib0Frame(0, 1, payload));
      expect(updateMessage(payload)).toEqual(lib0Frame(0, 2, payload));
      expect(awarenessMessage(payload)).toEqual(lib0Frame(1, null, payload));
    },
  );
});
