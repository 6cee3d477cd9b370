/**
 * App-wide toasts: short messages in the corner, removed after a while or when closed.
 *
 * @module
 */

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

/** How long a toast stays, by kind; errors stay longer so they can be read. */
export const TOAST_DURATION_MS: Record<ToastKind, number> = { info: 4000, success: 3000, error: 7000 };

class ToastManager {
  items = $state<Toast[]>([]);
  #nextId = 1;

  show(kind: ToastKind, message: string): number {
    const id = this.#nextId++;
    this.items.push({ id, kind, message });
    setTimeout(() => this.dismiss(id), TOAST_DURATION_MS[kind]);
    return id;
  }

  info = (message: string) => this.show('info', message);
  success = (message: string) => this.show('success', message);
  error = (message: string) => this.show('error', message);

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

export const toastManager = new ToastManager();
