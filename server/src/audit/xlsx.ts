import ExcelJS from 'exceljs';
import { SHANGHAI_OFFSET_MS } from '@anguan/standards';
import type { AuditEventView } from './service.js';

const COLUMNS = [
  { header: '时间', key: 'at', width: 20 },
  { header: '事件', key: 'type', width: 22 },
  { header: '操作人', key: 'name', width: 24 },
  { header: '账号', key: 'login', width: 22 },
  { header: '对象', key: 'target', width: 40 },
  { header: 'IP 地址', key: 'ip', width: 18 },
  { header: '详情', key: 'detail', width: 50 },
];

/** The 安全审计 workbook: one sheet, one row per event, times in Asia/Shanghai. */
export async function auditWorkbook(events: readonly AuditEventView[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'anguan';
  const sheet = workbook.addWorksheet('安全审计');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  for (const event of events) {
    sheet.addRow({
      at: shanghaiDateTime(new Date(event.at)),
      type: event.typeLabel,
      name: event.actor?.name ?? '',
      login: event.actor?.login ?? (typeof event.detail?.login === 'string' ? event.detail.login : ''),
      target: event.target ?? '',
      ip: event.ip ?? '',
      detail: event.detail ? JSON.stringify(event.detail) : '',
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai. */
export function shanghaiDateTime(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
