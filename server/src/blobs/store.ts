import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, statSync, writeFileSync, createReadStream, rmSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

/**
 * Blob bytes on disk: `<dataDir>/blobs/ab/cd/<sha256>`. Writes go to a temporary file in the same directory and
 * are renamed into place, so a reader never sees a partial blob and a crash leaves no half-written one.
 */
export class BlobStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'blobs');
  }

  pathOf(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  has(sha256: string): boolean {
    try {
      return statSync(this.pathOf(sha256)).isFile();
    } catch {
      return false;
    }
  }

  write(sha256: string, bytes: Uint8Array): void {
    const target = this.pathOf(sha256);
    mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.tmp`;
    try {
      writeFileSync(temporary, bytes, { flag: 'wx' });
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** Deletes the blob's file (the expiry sweep); a missing file is not an error. */
  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }

  /** A web stream of the blob's bytes. */
  read(sha256: string): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(this.pathOf(sha256))) as ReadableStream<Uint8Array>;
  }
}
