import * as Y from 'yjs';

/**
 * Which root types an update writes, before it is applied: the one answer the schema guard (schema-check.ts) and
 * the per-side write guard (root-guard.ts) both need. An item's root comes from its encoded parent name, else
 * through its parent item or its origin (items continuing an existing one carry no parent), found in the update
 * or in the document.
 */

/** How far a parent is looked for through origins and nested types before giving up. */
const MAX_HOPS = 32;

export type Struct = Y.Item | Y.GC | Y.Skip;
type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Where an item lands: its root's name (null when it cannot be told from what is at hand), and whether it lands
 * inside a nested type of that root rather than as an entry of the root itself.
 */
export interface ItemRoot {
  readonly root: string | null;
  readonly nested: boolean;
}

const UNKNOWN: ItemRoot = { root: null, nested: false };

/** Finds the roots of the items of one decoded update against the document it is about to be applied to. */
export class UpdateRoots {
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

  /** The root of an item of the update or of the document. */
  of(item: Y.Item): ItemRoot {
    return this.resolve(item, 0, false);
  }

  /** The root of the item holding `id`, in the update or in the document. */
  ofId(id: Y.ID): ItemRoot {
    return this.resolveId(id, 0, false);
  }

  private resolve(item: Y.Item, hops: number, nested: boolean): ItemRoot {
    if (hops > MAX_HOPS) return UNKNOWN;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { root: parent, nested };
    if (parent instanceof Y.ID) return this.resolveId(parent, hops + 1, true);
    if (parent instanceof Y.AbstractType) return this.resolveType(parent, hops + 1, nested);
    const origin = item.origin ?? item.rightOrigin;
    return origin ? this.resolveId(origin, hops + 1, nested) : UNKNOWN;
  }

  private resolveId(id: Y.ID, hops: number, nested: boolean): ItemRoot {
    const inUpdate = this.byClient
      .get(id.client)
      ?.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
    if (inUpdate) return this.resolve(inUpdate, hops, nested);
    const { store } = this.doc;
    if (id.clock >= Y.getState(store, id.client)) return UNKNOWN;
    const found = Y.getItem(store, id) as Y.Item | Y.GC;
    return found instanceof Y.Item ? this.resolve(found, hops, nested) : UNKNOWN;
  }

  private resolveType(type: AnyType, hops: number, nested: boolean): ItemRoot {
    if (type._item) return this.resolve(type._item, hops, true);
    this.rootNames ??= new Map([...this.doc.share].map(([name, root]) => [root, name]));
    return { root: this.rootNames.get(type) ?? null, nested };
  }
}
