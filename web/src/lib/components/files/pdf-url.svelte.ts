/**
 * A PDF is shown from a local copy: the server's blob responses may not be framed (their CSP), while a blob: URL may
 * (`frame-src blob:`; `<object>` is refused by `object-src 'none'`).
 */
export class PdfUrl {
  /** The blob: URL to frame, once fetched. */
  url = $state<string | null>(null);
  /** The fetch failed (offline, gone, or refused). */
  failed = $state(false);

  /**
   * Fetches `source` (a server blob URL) and keeps it as a blob: URL; call in an `$effect` and return its result,
   * which revokes the URL and ignores a late answer when the viewed file changes.
   */
  load(source: string): () => void {
    let objectUrl: string | null = null;
    let cancelled = false;
    this.failed = false;
    fetch(source, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.blob();
      })
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
        this.url = objectUrl;
      })
      .catch(() => (this.failed = !cancelled));
    return () => {
      cancelled = true;
      this.url = null;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }
}
