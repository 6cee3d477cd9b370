import { SYNC_PATH } from '@anguan/model';

/** `ws(s)://<this host>/sync`. */
export function syncServerUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SYNC_PATH}`;
}
