import { EventEmitter } from 'node:events';

export interface AlertEvent {
  readonly kind: 'created' | 'reopened' | 'escalated';
  readonly alertId: string;
  readonly rule: string;
  readonly projectId: string;
  readonly title: string;
  readonly level: 'warning' | 'critical';
  /** App path to open (the project, the rectification, …). */
  readonly link: string | null;
  /** Users who should see it now (a later SSE/websocket push sends it to their open connections). */
  readonly recipientUserIds: readonly string[];
}

const emitter = new EventEmitter();
emitter.setMaxListeners(0);

/** Subscribes to alerts that newly need attention; returns the unsubscribe function. */
export function onAlertCreated(listener: (event: AlertEvent) => void): () => void {
  emitter.on('alert', listener);
  return () => emitter.off('alert', listener);
}

export function emitAlert(event: AlertEvent): void {
  emitter.emit('alert', event);
}
