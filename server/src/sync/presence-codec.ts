import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { AwarenessRefusedError, MalformedMessageError } from './errors.js';

/** One awareness entry as y-protocols encodes it; `state` is the JSON text, null for a removal. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: string | null;
}

/** What a decoded entry's state parsed to: a plain object, or null (a removal). */
export interface ParsedEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Decodes an awareness update, refusing it whole before doing any work the bounds do not allow: more entries
 * than `maxEntries` (checked on the count, before reading them) or a state longer than `maxStateBytes`.
 * Clients JSON.parse what we forward, so a state must parse, and to an object (anguan's presence) or null.
 */
export function decodeAwarenessUpdate(
  update: Uint8Array,
  bounds: { maxEntries: number; maxStateBytes: number },
): ParsedEntry[] {
  const decoder = decoding.createDecoder(update);
  let count: number;
  try {
    count = decoding.readVarUint(decoder);
  } catch (error) {
    throw new MalformedMessageError(`bad awareness update: ${(error as Error).message}`);
  }
  if (count > bounds.maxEntries) {
    throw new AwarenessRefusedError(`${count} awareness entries in one update (limit ${bounds.maxEntries})`);
  }
  const entries: ParsedEntry[] = [];
  for (let i = 0; i < count; i++) entries.push(readEntry(decoder, bounds.maxStateBytes));
  if (decoding.hasContent(decoder)) throw new MalformedMessageError('bad awareness update: trailing bytes');
  return entries;
}

function readEntry(decoder: decoding.Decoder, maxStateBytes: number): ParsedEntry {
  let clientId: number;
  let clock: number;
  let text: string;
  try {
    clientId = decoding.readVarUint(decoder);
    clock = decoding.readVarUint(decoder);
    // Peek the string's byte length before decoding it.
    const length = decoding.peekVarUint(decoder);
    if (length > maxStateBytes) {
      throw new AwarenessRefusedError(`awareness state of ${length} bytes (limit ${maxStateBytes})`);
    }
    text = decoding.readVarString(decoder);
  } catch (error) {
    if (error instanceof AwarenessRefusedError) throw error;
    throw new MalformedMessageError(`bad awareness update: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedMessageError('bad awareness update: state is not JSON');
  }
  if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
    throw new MalformedMessageError('bad awareness update: state is not an object');
  }
  return { clientId, clock, state: parsed as Record<string, unknown> | null };
}

export function encodeEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state ?? 'null');
  }
  return encoding.toUint8Array(encoder);
}
