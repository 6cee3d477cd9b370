/**
 * Whether the browser believes it is online (`navigator.onLine` and its `online`/`offline` events).
 *
 * @module
 */
import { browser } from '$app/environment';

class NetworkManager {
  online = $state(browser ? navigator.onLine : true);

  constructor() {
    if (!browser) return;
    window.addEventListener('online', () => (this.online = true));
    window.addEventListener('offline', () => (this.online = false));
  }
}

export const networkManager = new NetworkManager();
