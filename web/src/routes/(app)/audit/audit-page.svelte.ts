/**
 * State of the 安全审计 page: the filters being edited, the filters applied, the page of events shown, and
 * the load state. Filters apply on 查询 (not per keystroke), so a half-typed date never hits the server.
 *
 * @module
 */
import { auditApi, type AuditEvent } from '$lib/api';
import { EMPTY_AUDIT_FILTERS, type AuditFilters } from '$lib/api/audit';
import { handleError } from '$lib/utils/handle-error';

/** Rows per page: a phone scrolls through 20 cards comfortably; the server allows up to 200. */
export const AUDIT_PAGE_SIZE = 20;

export type AuditPhase = 'loading' | 'ready' | 'error' | 'offline';

export class AuditPage {
  /** What the filter form shows. */
  draft = $state<AuditFilters>({ ...EMPTY_AUDIT_FILTERS });
  /** What the list and the export use. */
  applied = $state<AuditFilters>({ ...EMPTY_AUDIT_FILTERS });
  page = $state(1);
  events = $state<AuditEvent[]>([]);
  total = $state(0);
  phase = $state<AuditPhase>('loading');
  loadError = $state<string | null>(null);
  types = $state<Array<{ type: string; label: string }>>([]);

  readonly pageCount = $derived(Math.max(1, Math.ceil(this.total / AUDIT_PAGE_SIZE)));
  /** A date range that ends before it starts: the form says so instead of querying. */
  readonly rangeError = $derived(
    this.draft.from && this.draft.to && this.draft.from > this.draft.to ? '结束日期不能早于开始日期' : null,
  );
  readonly filtered = $derived(Object.values(this.applied).some((value) => value.trim() !== ''));

  #controller: AbortController | null = null;

  /** Loads the current page of events (offline: says so and waits for {@link load} again). */
  async load(online: boolean): Promise<void> {
    this.#controller?.abort();
    if (!online) {
      this.phase = 'offline';
      return;
    }
    const controller = (this.#controller = new AbortController());
    this.phase = 'loading';
    this.loadError = null;
    try {
      const result = await auditApi.listAuditEvents(
        this.applied,
        { page: this.page, pageSize: AUDIT_PAGE_SIZE },
        { signal: controller.signal },
      );
      this.events = result.events;
      this.total = result.total;
      this.phase = 'ready';
    } catch (error) {
      const message = handleError(error, '加载安全审计记录失败');
      if (message === undefined) return;
      this.loadError = message;
      this.phase = 'error';
    }
  }

  /** The event types for the filter select; the select offers 全部 alone until they arrive. */
  async loadTypes(): Promise<void> {
    try {
      this.types = (await auditApi.listAuditTypes()).types;
    } catch (error) {
      console.warn('[anguan] audit types unavailable', error);
    }
  }

  /** Applies the form's filters from the first page; false when the form is invalid. */
  apply(): boolean {
    if (this.rangeError) return false;
    this.applied = { ...this.draft, actor: this.draft.actor.trim() };
    this.page = 1;
    return true;
  }

  reset(): void {
    this.draft = { ...EMPTY_AUDIT_FILTERS };
    this.applied = { ...EMPTY_AUDIT_FILTERS };
    this.page = 1;
  }

  goTo(page: number): void {
    this.page = Math.min(Math.max(1, page), this.pageCount);
  }

  cancel(): void {
    this.#controller?.abort();
  }
}
