/**
 * The method-specific part of the inspection page, loaded on demand: a JGJ59 sheet should not parse the
 * inspection-terms catalog (or the other way round) before it can show anything offline.
 *
 * @module
 */
import type { InspectionMethod } from '@anguan/model';
import { getDustCatalog, getJgj59Catalog } from '@anguan/standards';
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
  if (!started) return null;
  loaded.set(method, started);
  // A part that failed to load (a chunk missing offline) is tried again on the next open, not refused for good.
  started.catch(() => loaded.delete(method));
  return started;
}

/**
 * Validates the score-sheet catalogs (once per page load, on first use: about 100 ms on a 4× throttled phone)
 * while the page waits for the device's copy of the inspection, rather than after it, just before the sheet can
 * show: JGJ59 in the next task (an idle callback may never come before the sheet on a busy phone), the smaller
 * dust checklist when idle. A failure is left for the sheet page to report when it reads the catalog.
 */
export function warmSheetCatalogs(): void {
  const guarded = (work: () => unknown) => () => {
    try {
      work();
    } catch {
      // reported by the sheet page
    }
  };
  setTimeout(guarded(getJgj59Catalog), 0);
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(guarded(getDustCatalog), { timeout: 3000 });
  }
}
