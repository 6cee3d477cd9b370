import * as Y from 'yjs';
import { isAllowedRoot, schemaChangeViolation, type DocKind } from '@anguan/model';
import { MalformedMessageError, SchemaViolationError } from './errors.js';

const META = 'meta';
/** How far a parent is looked for through origins and nested types before giving up (and checking fully). */
const MAX_HOPS = 32;

type Struct = Y.Item | Y.GC | Y.Skip;
/** The delete set of a decoded update (Yjs does not export its type). */
interface DeleteSet {
  readonly clients: Map<number, ReadonlyArray<{ readonly clock: number; readonly len: number }>>;
}
type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The root an item lands in: its name, or null when it cannot be told from what is at hand. */
type Root = string | null;

/**
 * Refuses (throws {@link SchemaViolationError}) an update that would add an unknown root or break `meta` (see
 * `schemaChangeViolation` in `@anguan/model`), before anything of it is applied. Cheap on the hot path: the update
 * is decoded and each item's root found from its parent name, or through its origin in the update or in `doc`;
 * only when an item may land in `meta`, a deletion hits one of its current values, or updates already wait for
 * missing dependencies (their integration is invisible in the update) is it applied to a scratch copy and the
 * result compared.
 */
export function checkUpdateSchema(kind: DocKind, doc: Y.Doc, update: Uint8Array): void {
  let decoded: { structs: Struct[]; ds: DeleteSet };
  try {
    decoded = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  } catch (error) {
    throw new MalformedMessageError(`bad update: ${(error as Error).message}`);
  }
  const roots = new RootFinder(doc, decoded.structs);
  let scratch = doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const root = roots.of(struct, 0);
    if (root === null || root === META) scratch = true;
    else if (!isAllowedRoot(kind, root) && !doc.share.has(root)) {
      throw new SchemaViolationError(`unknown root "${root.slice(0, 64)}"`);
    }
  }
  if (scratch || deletesMeta(doc, decoded.ds)) checkOnScratch(kind, doc, update);
}

function checkOnScratch(kind: DocKind, doc: Y.Doc, update: Uint8Array): void {
  const scratch = new Y.Doc({ gc: false });
  try {
    // encodeStateAsUpdate carries the updates waiting in `doc` too, so their integration is checked here.
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    Y.applyUpdate(scratch, update);
  } catch (error) {
    scratch.destroy();
    throw new MalformedMessageError(`bad update: ${(error as Error).message}`);
  }
  const violation = schemaChangeViolation(kind, doc, scratch);
  scratch.destroy();
  if (violation) throw new SchemaViolationError(violation);
}

/** Whether the delete set removes a current value of `meta` (an overwritten one changes nothing). */
function deletesMeta(doc: Y.Doc, ds: DeleteSet): boolean {
  if (ds.clients.size === 0 || !doc.share.has(META)) return false;
  for (const item of doc.getMap(META)._map.values()) {
    const ranges = ds.clients.get(item.id.client);
    if (!ranges) continue;
    const start = item.id.clock;
    const end = start + item.length;
    if (ranges.some((r) => r.clock < end && start < r.clock + r.len)) return true;
  }
  return false;
}

/** Finds the root of an item: by parent name, or through parent items and origins in the update and the doc. */
class RootFinder {
  private readonly byClient = new Map<number, Y.Item[]>();
  private rootNames: Map<AnyType, string> | null = null;

  constructor(
    private readonly doc: Y.Doc,
    structs: readonly Struct[],
  ) {
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue;
      const list = this.byClient.get(s.id.client) ?? [];
      list.push(s);
      this.byClient.set(s.id.client, list);
    }
  }

  of(item: Y.Item, hops: number): Root {
    if (hops > MAX_HOPS) return null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return parent;
    if (parent instanceof Y.ID) return this.ofId(parent, hops + 1);
    if (parent instanceof Y.AbstractType) return this.ofType(parent, hops + 1);
    const origin = item.origin ?? item.rightOrigin;
    return origin ? this.ofId(origin, hops + 1) : null;
  }

  private ofId(id: Y.ID, hops: number): Root {
    const inUpdate = this.byClient
      .get(id.client)
      ?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
    if (inUpdate) return this.of(inUpdate, hops);
    const { store } = this.doc;
    if (id.clock >= Y.getState(store, id.client)) return null;
    const found = Y.getItem(store, id) as Y.Item | Y.GC;
    return found instanceof Y.Item ? this.of(found, hops) : null;
  }

  private ofType(type: AnyType, hops: number): Root {
    if (type._item) return this.of(type._item, hops);
    this.rootNames ??= new Map([...this.doc.share].map(([name, root]) => [root, name]));
    return this.rootNames.get(type) ?? null;
  }
}
