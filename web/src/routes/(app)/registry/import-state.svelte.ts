/**
 * State of one file import (项目 or 竣工备案): the chosen file, the server's verdict, and the per-row report when the
 * file was refused (nothing is written unless every row is valid).
 *
 * @module
 */
import { ApiError, type ImportRowError } from '$lib/api';
import { importRows } from './import-rows';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { handleError } from '$lib/utils/handle-error';

const ACCEPTED = /\.(xlsx|csv)$/i;

export class ImportState {
  file = $state<File | null>(null);
  busy = $state(false);
  imported = $state<number | null>(null);
  rows = $state<ImportRowError[] | null>(null);
  /** zh-CN message of a refusal that is not per row. */
  error = $state<string | null>(null);

  constructor(
    private readonly send: (file: File) => Promise<{ imported: number }>,
    private readonly noun: string,
  ) {}

  choose(file: File | null): void {
    this.file = file;
    this.imported = null;
    this.rows = null;
    this.error = file && !ACCEPTED.test(file.name) ? '请选择 .xlsx 或 .csv 文件' : null;
  }

  async submit(): Promise<void> {
    if (!this.file) return void (this.error = '请先选择要导入的文件');
    if (this.error) return;
    this.busy = true;
    this.rows = null;
    try {
      this.imported = (await this.send(this.file)).imported;
      toastManager.success(`已导入 ${this.imported} 条${this.noun}`);
    } catch (error) {
      const rows = importRows(error);
      if (rows) {
        this.rows = rows;
        this.error = error instanceof ApiError ? error.message : null;
        toastManager.error(`文件有 ${rows.length} 处错误，未导入任何${this.noun}`);
      } else {
        this.error = handleError(error, `导入${this.noun}失败`) ?? null;
      }
    } finally {
      this.busy = false;
    }
  }
}
