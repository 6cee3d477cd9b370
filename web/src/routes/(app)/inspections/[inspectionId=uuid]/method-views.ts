/**
 * The method-specific part of the inspection page, loaded on demand: a JGJ59 sheet should not parse the
 * inspection-terms catalog (or the other way round) before it can show anything offline.
 *
 * @module
 */
import type { InspectionMethod } from '@anguan/model';
import type SheetInspection from './sheets/SheetInspection.svelte';
import type TermsInspection from './terms/TermsInspection.svelte';
import type InternalInspection from './internal/InternalInspection.svelte';

export type MethodView =
  | { kind: 'sheets'; component: typeof SheetInspection }
  | { kind: 'terms'; component: typeof TermsInspection }
  | { kind: 'internal'; component: typeof InternalInspection };

const loaded = new Map<string, Promise<MethodView>>();

function load(method: InspectionMethod): Promise<MethodView> | null {
  switch (method) {
    case 'jgj59':
    case 'dust':
      return import('./sheets/SheetInspection.svelte').then((m) => ({
        kind: 'sheets',
        component: m.default,
      }));
    case 'terms':
      return import('./terms/TermsInspection.svelte').then((m) => ({ kind: 'terms', component: m.default }));
    case 'internal':
      return import('./internal/InternalInspection.svelte').then((m) => ({
        kind: 'internal',
        component: m.default,
      }));
    default:
      return null;
  }
}

/** The part for `method` (the same promise every time), or null for a method with no part of its own. */
export function methodView(method: InspectionMethod): Promise<MethodView> | null {
  const known = loaded.get(method);
  if (known) return known;
  const started = load(method);
  if (started) loaded.set(method, started);
  return started;
}
