import { describe, expect, it } from 'vitest';
import type { DocumentJSON } from '@anguan/model';
import { materializersByKind } from './by-kind.js';

const json = (kind: DocumentJSON['kind']) => ({ kind }) as DocumentJSON;

describe('materializersByKind', () => {
  it('hands each document to the materializer of its kind and skips kinds without one', async () => {
    const seen: string[] = [];
    const composed = materializersByKind({
      inspection: { materialize: (name) => void seen.push(`inspection ${name}`) },
      project: { materialize: async (name) => void seen.push(`project ${name}`) },
    });
    await composed.materialize('inspection:a', json('inspection'));
    await composed.materialize('project:p', json('project'));
    await composed.materialize('rectification:a', json('rectification'));
    expect(seen).toEqual(['inspection inspection:a', 'project project:p']);
  });

  it('lets a failing materializer fail its document only', async () => {
    const composed = materializersByKind({
      inspection: {
        materialize: () => {
          throw new Error('database busy');
        },
      },
    });
    expect(() => composed.materialize('inspection:a', json('inspection'))).toThrow('database busy');
    expect(composed.materialize('project:p', json('project'))).toBeUndefined();
  });
});
