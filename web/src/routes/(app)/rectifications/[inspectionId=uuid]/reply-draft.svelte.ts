/**
 * What the project department is writing before it submits a 整改回复: the whole-sheet text and photos and, per
 * finding (by its key), an answer of its own. Kept in the page (not the document) until submitted, as before;
 * submitting writes it to the document, which works offline.
 *
 * @module
 */

export interface PartDraft {
  text: string;
  files: File[];
}

export class ReplyDraft {
  text = $state('');
  files = $state<File[]>([]);
  parts = $state<Record<string, PartDraft>>({});

  textOf(key: string): string {
    return this.parts[key]?.text ?? '';
  }

  filesOf(key: string): File[] {
    return this.parts[key]?.files ?? [];
  }

  setText(key: string, text: string): void {
    this.parts[key] = { text, files: this.filesOf(key) };
  }

  setFiles(key: string, files: File[]): void {
    this.parts[key] = { text: this.textOf(key), files };
  }

  /** Findings with an answer of their own (text or photos). */
  answered(): Array<[string, PartDraft]> {
    return Object.entries(this.parts).filter(([, part]) => part.text.trim() !== '' || part.files.length > 0);
  }

  /** Nothing to submit: no whole-sheet text and no finding answered. */
  get empty(): boolean {
    return this.text.trim() === '' && this.answered().length === 0;
  }

  reset(): void {
    this.text = '';
    this.files = [];
    this.parts = {};
  }
}
