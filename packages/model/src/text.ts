import * as Y from 'yjs';
import { simpleDiffString } from 'lib0/diff';

/**
 * Replaces the content of a `Y.Text` with `next` by deleting and inserting only the changed middle part, so two
 * people editing different parts of the same remark both keep their edits. @internal
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  const { index, remove, insert } = simpleDiffString(current, next);
  if (remove > 0) text.delete(index, remove);
  if (insert !== '') text.insert(index, insert);
}

/**
 * A root-level `Y.Text` by name. Free text lives in root types because roots are identified by name and never
 * clash, whereas two peers that each create a nested `Y.Text` under the same map key offline would lose one of
 * them. @internal
 */
export const rootText = (doc: Y.Doc, name: string): Y.Text => doc.getText(name);

/** The names of root types that start with `prefix` (root texts arriving from a peer are listed in `doc.share`). */
export function rootNamesWithPrefix(doc: Y.Doc, prefix: string): string[] {
  const names: string[] = [];
  for (const name of doc.share.keys()) if (name.startsWith(prefix)) names.push(name);
  return names;
}

/** The part of a map readers use; a missing root reads as an empty map. */
export interface ReadableMap {
  get(key: string): unknown;
  has(key: string): boolean;
  forEach(f: (value: unknown, key: string) => void): void;
}

const EMPTY_MAP: ReadableMap = new Map<string, unknown>();

/**
 * A root map for reading. Reading never creates a root type: a long-lived document (the server's) would otherwise
 * grow a shared type per root every reader touches. @internal
 */
export function readRoot(doc: Y.Doc, name: string): ReadableMap {
  return doc.share.has(name) ? doc.getMap<unknown>(name) : EMPTY_MAP;
}

/** A root text's content for reading ('' when the root does not exist); never creates it. @internal */
export function readRootText(doc: Y.Doc, name: string): string {
  return doc.share.has(name) ? doc.getText(name).toString() : '';
}

/** Deletes every key of `map` that starts with `prefix` (composite keys of one sheet or term). @internal */
export function deleteKeysWithPrefix(map: Y.Map<unknown>, prefix: string): void {
  for (const k of [...map.keys()]) if (k.startsWith(prefix)) map.delete(k);
}
