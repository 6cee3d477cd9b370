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
