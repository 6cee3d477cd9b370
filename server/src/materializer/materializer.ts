import type { DocumentJSON } from '@anguan/model';

/**
 * Turns a settled document into rows (inspections with server-computed scores, findings, deadlines…). The
 * inspections feature supplies the real one; it must be idempotent (it may see the same JSON twice) and may be
 * async. Throwing makes the scheduler retry later with the then-current JSON.
 */
export interface Materializer {
  materialize(docName: string, json: DocumentJSON): void | Promise<void>;
}

/** The default until the inspections feature supplies one: does nothing. */
export const noopMaterializer: Materializer = Object.freeze({ materialize: () => {} });
