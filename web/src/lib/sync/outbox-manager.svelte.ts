/**
 * The app-wide outbox: documents made offline wait for registration, photos and scans for upload; both go out
 * when the network returns, registrations first (the server accepts a blob only for a doc it knows).
 *
 * @module
 */
import { IdbBlobStore } from '$lib/blobs/idb-blob-store';
import { downscaleImage, ACCEPTED_TYPES } from '$lib/blobs/downscale';
import { sendBlob } from '$lib/blobs/send-blob';
import { sha256Hex } from '$lib/blobs/sha256';
import { OutboxQueue, type OutboxState } from '$lib/outbox/outbox-queue';
import { IdbRegistrationStore, sendRegistration, type DocRegistration } from './registration-outbox';

/** Backoff between failed rounds while the network is flaky; `online` events flush at once anyway. */
const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 60_000] as const;

const EMPTY: OutboxState = { pending: 0, rejected: 0, lastError: null };

class OutboxManager {
  /** Photos and scans on this device that the server does not have yet. */
  blobs = $state<OutboxState>(EMPTY);
  /** Documents created on this device that the server does not know yet. */
  registrations = $state<OutboxState>(EMPTY);

  private readonly blobStore = new IdbBlobStore();
  private readonly registrationStore = new IdbRegistrationStore();
  private readonly blobQueue = new OutboxQueue(this.blobStore, sendBlob, { retryDelaysMs: RETRY_DELAYS_MS });
  private readonly registrationQueue = new OutboxQueue(this.registrationStore, sendRegistration, {
    retryDelaysMs: RETRY_DELAYS_MS,
  });
  private readonly waiting = new Map<string, (() => void)[]>();
  private started = false;

  /** Starts the background queues (once, from the signed-in layout). */
  start(): void {
    if (this.started || typeof window === 'undefined') return;
    this.started = true;
    this.blobQueue.subscribe((state) => (this.blobs = state));
    this.registrationQueue.subscribe((state) => {
      this.registrations = state;
      void this.wakeRegistered();
    });
    window.addEventListener('online', () => void this.flush());
    void this.flush();
  }

  /** Sends everything waiting: registrations, then blobs. */
  async flush(): Promise<void> {
    await this.registrationQueue.flush();
    await this.blobQueue.flush();
  }

  /** Queues a client-made document for registration; resolves once it is stored on the device. */
  async register(
    registration: Omit<DocRegistration, 'createdAt' | 'registeredAt' | 'rejected'>,
  ): Promise<void> {
    await this.registrationStore.put({
      ...registration,
      createdAt: Date.now(),
      registeredAt: null,
      rejected: null,
    });
    void this.flush();
  }

  /**
   * Resolves when the server knows the document: at once for docs that never passed through this outbox
   * (made elsewhere), else when the outbox has registered it.
   */
  async whenRegistered(name: string): Promise<void> {
    const registration = await this.registrationStore.get(name);
    if (!registration || registration.registeredAt !== null) return;
    await new Promise<void>((resolve) =>
      this.waiting.set(name, [...(this.waiting.get(name) ?? []), resolve]),
    );
  }

  /** Whether this device created the document (its registration passed through this outbox and was not refused). */
  async createdHere(name: string): Promise<boolean> {
    const registration = await this.registrationStore.get(name);
    return registration !== undefined && registration.rejected === null;
  }

  /** Why the server refused to register this document, if it did. */
  async registrationError(name: string): Promise<string | null> {
    return (await this.registrationStore.get(name))?.rejected ?? null;
  }

  /**
   * Keeps a photo or scan on the device (downscaled when it is a large image) and queues its upload.
   * Returns its SHA-256 (what the document stores), type and size as kept.
   */
  async addFile(file: Blob, docName: string): Promise<{ hash: string; type: string; size: number }> {
    if (!(ACCEPTED_TYPES as readonly string[]).includes(file.type) && !file.type.startsWith('image/')) {
      throw new Error('只能添加 JPEG、PNG、WebP 图片或 PDF 文件');
    }
    const data = await downscaleImage(file);
    const hash = await sha256Hex(data);
    await this.blobStore.put({
      hash,
      type: data.type,
      size: data.size,
      data,
      docName,
      createdAt: Date.now(),
      uploadedAt: null,
      rejected: null,
    });
    await this.blobQueue.publish();
    void this.flush();
    return { hash, type: data.type, size: data.size };
  }

  /**
   * A URL to show a blob: the device copy when there is one (works offline), else the server's, naming the doc
   * that references it (the server lets readers of that doc fetch it).
   */
  async blobUrl(hash: string, docName: string): Promise<string> {
    const local = await this.blobStore.get(hash);
    return local ? URL.createObjectURL(local.data) : `/api/blobs/${hash}?doc=${encodeURIComponent(docName)}`;
  }

  private async wakeRegistered(): Promise<void> {
    for (const [name, resolvers] of this.waiting) {
      const registration = await this.registrationStore.get(name);
      if (registration?.registeredAt == null) continue;
      this.waiting.delete(name);
      for (const resolve of resolvers) resolve();
    }
  }
}

export const outboxManager = new OutboxManager();
