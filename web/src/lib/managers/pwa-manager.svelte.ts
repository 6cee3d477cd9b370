/**
 * The installable-app side of the shell: registers the service worker through workbox-window, offers a waiting
 * new version (有新版本可用 · 刷新) and the browser's install prompt (安装应用).
 *
 * @module
 */
import { Workbox } from 'workbox-window';
import { browser, dev } from '$app/environment';

/** How often an open app asks the server for a new version. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Chromium's `beforeinstallprompt` event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

class PwaManager {
  /** A new version is installed and waiting for the user to switch. */
  updateAvailable = $state(false);
  /** The browser offered installation and the app is not installed yet. */
  canInstall = $state(false);
  /** The service worker registered (or the registration failed with this message). */
  registration = $state<'idle' | 'registered' | 'unsupported' | 'failed'>('idle');

  #workbox: Workbox | null = null;
  #installPrompt: BeforeInstallPromptEvent | null = null;
  #started = false;

  /** Idempotent; call once from the root layout. */
  start(): void {
    if (!browser || this.#started) return;
    this.#started = true;
    window.addEventListener('beforeinstallprompt', (event) => {
      event.preventDefault();
      this.#installPrompt = event as BeforeInstallPromptEvent;
      this.canInstall = true;
    });
    window.addEventListener('appinstalled', () => {
      this.#installPrompt = null;
      this.canInstall = false;
    });
    // The dev server serves a module worker without the precache list; only built apps register it.
    if (dev || !('serviceWorker' in navigator)) {
      this.registration = 'unsupported';
      return;
    }
    this.#register();
  }

  #register(): void {
    const workbox = new Workbox('/service-worker.js', { scope: '/' });
    workbox.addEventListener('waiting', () => (this.updateAvailable = true));
    this.#workbox = workbox;
    workbox
      .register()
      .then(() => {
        this.registration = 'registered';
        setInterval(() => void workbox.update(), UPDATE_CHECK_INTERVAL_MS);
      })
      .catch((error: unknown) => {
        this.registration = 'failed';
        console.error('[anguan] service worker registration failed', error);
      });
  }

  /** Switches to the waiting version and reloads once it controls the page. */
  applyUpdate(): void {
    const workbox = this.#workbox;
    if (!workbox) return;
    // Reload on the takeover itself (STACK.md gotcha 13: `isUpdate` is unreliable on a first visit).
    workbox.addEventListener('controlling', () => window.location.reload());
    workbox.messageSkipWaiting();
    this.updateAvailable = false;
  }

  /** Shows the browser's install dialog; resolves with whether the user accepted. */
  async install(): Promise<boolean> {
    const prompt = this.#installPrompt;
    if (!prompt) return false;
    this.#installPrompt = null;
    this.canInstall = false;
    await prompt.prompt();
    const { outcome } = await prompt.userChoice;
    return outcome === 'accepted';
  }
}

export const pwaManager = new PwaManager();
