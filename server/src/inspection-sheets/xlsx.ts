import ExcelJS from 'exceljs';
import { SHANGHAI_OFFSET_MS } from '@anguan/standards';
import type { SheetFinding } from './findings.js';
import type { InspectionSheet } from './sheet.js';

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai. */
export function shanghaiDateTime(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** One finding as a row of the findings table: 序号, 检查内容, 隐患等级/扣分, 部位, 备注. */
function findingRow(finding: SheetFinding, index: number): (string | number)[] {
  switch (finding.kind) {
    case 'term':
      return [
        index,
        [finding.code, finding.phrase].filter(Boolean).join(' '),
        finding.hazardLabel ?? '',
        finding.location ?? '',
        [finding.note, finding.photos.length ? `照片 ${finding.photos.length} 张` : '']
          .filter(Boolean)
          .join('；'),
      ];
    case 'deduction':
      return [
        index,
        `${finding.table}${finding.sheetLabel ? `（${finding.sheetLabel}）` : ''} ${finding.item}：${finding.rule}`,
        `扣 ${finding.points} 分`,
        '',
        finding.count > 1 ? `${finding.count} 处` : '',
      ];
    case 'not_applicable':
      return [index, `${finding.table} ${finding.item ?? '整表'}`, '缺项', '', ''];
    case 'file':
      return [index, `检查表扫描件：${finding.name}`, '', '', `SHA-256 ${finding.sha256}`];
  }
}

/** The 检查单 as an .xlsx workbook (one worksheet, A4 portrait). */
export async function sheetWorkbook(sheet: InspectionSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'anguan';
  const ws = workbook.addWorksheet('检查单', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true },
  });
  ws.columns = [{ width: 8 }, { width: 60 }, { width: 14 }, { width: 16 }, { width: 30 }];
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = `${sheet.project.name} 安全检查单`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const facts: [string, string][] = [
    ['项目名称', sheet.project.name],
    ['监督备案号', sheet.project.filingNumber],
    ['检查来源', sheet.originLabel],
    ['检查方式', sheet.methodLabel],
    ['检查日期', sheet.date ?? ''],
    ['检查人员', sheet.inspectors.join('、')],
    ['得分', sheet.total ?? ''],
    ['等级', sheet.grade ?? ''],
    ['检查备注', sheet.remarks],
    ['评语', sheet.comment],
  ];
  for (const [label, value] of facts) ws.addRow([label, value]);
  ws.addRow([]);
  ws.addRow(['序号', '检查内容', '隐患等级/扣分', '部位', '备注']).font = { bold: true };
  sheet.findings.forEach((finding, i) => ws.addRow(findingRow(finding, i + 1)));
  if (sheet.findings.length === 0) ws.addRow(['', '无']);
  ws.addRow([]);
  const r = sheet.rectification;
  const rectification: [string, string][] = [
    ['是否整改', r.required ? '是' : '否'],
    ...(r.required
      ? ([
          ['整改要求', r.requirement],
          ['整改期限', r.deadline ?? ''],
          ['整改责任人', r.rectifier ?? ''],
          ['整改状态', r.stateLabel ?? ''],
        ] as [string, string][])
      : []),
  ];
  for (const [label, value] of rectification) ws.addRow([label, value]);
  ws.addRow([]);
  ws.addRow(['生成时间', shanghaiDateTime(sheet.sealedAt)]);
  ws.addRow(['封存校验码', sheet.sealedHash]);
  ws.addRow(['验证地址', sheet.verifyPath]);
  for (const note of sheet.notes) ws.addRow(['说明', note]);
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
