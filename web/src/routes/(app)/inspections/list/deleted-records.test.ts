import { describe, expect, it } from 'vitest';
import { rememberDeletedFile, rememberDeletedRecord, withoutDeleted } from './deleted-records';
import type { InspectionListAnswer, InspectionListItem } from './list-types';

class MemoryStorage implements Storage {
  #items = new Map<string, string>();
  get length() {
    return this.#items.size;
  }
  clear = () => this.#items.clear();
  getItem = (key: string) => this.#items.get(key) ?? null;
  key = (index: number) => [...this.#items.keys()][index] ?? null;
  removeItem = (key: string) => void this.#items.delete(key);
  setItem = (key: string, value: string) => void this.#items.set(key, value);
}

const row = (id: string, files?: string[]): InspectionListItem =>
  ({
    id,
    files: files?.map((sha256) => ({ sha256, name: `${sha256}.pdf`, mediaType: 'application/pdf', size: 1 })),
  }) as InspectionListItem;

describe('records and files deleted on this device', () => {
  it('leave every list answer, cached ones included, with the total following', () => {
    const storage = new MemoryStorage();
    const answer: InspectionListAnswer = {
      inspections: [row('a', ['f1', 'f2']), row('b'), row('c')],
      total: 7,
      limit: 3,
    };
    rememberDeletedRecord('b', storage);
    rememberDeletedFile('a', 'f2', storage);
    const shown = withoutDeleted(answer, storage);
    expect(shown.inspections.map((r) => r.id)).toEqual(['a', 'c']);
    expect(shown.inspections[0]?.files?.map((f) => f.sha256)).toEqual(['f1']);
    expect(shown.total).toBe(6);
  });

  it('leave an answer alone when nothing was deleted, and survive a damaged entry', () => {
    const storage = new MemoryStorage();
    const answer: InspectionListAnswer = { inspections: [row('a')], total: 1, limit: 200 };
    expect(withoutDeleted(answer, storage)).toBe(answer);
    storage.setItem('anguan.deletedInspections', '{broken');
    expect(withoutDeleted(answer, storage)).toBe(answer);
    rememberDeletedRecord('a', storage);
    expect(withoutDeleted(answer, storage).inspections).toEqual([]);
  });
});
